using System.Text.Json;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mcp.OAuth;

namespace Portcullis.Gateway.Tests.Mcp.OAuth;

public sealed class McpAudienceTests
{
    private static readonly GatewayRouteConfig McpRoute = new()
    {
        Id = "mcp",
        Path = "/mcp",
        Upstream = new Uri("http://127.0.0.1:9"),
        Mcp = new McpRouteConfig { Resource = new Uri("https://mcp.example/mcp") },
    };

    [Theory]
    [InlineData("""{"aud":"https://mcp.example/mcp"}""")]
    [InlineData("""{"aud":["api://other","https://mcp.example/mcp"]}""")]
    [InlineData("""{"aud":"HTTPS://MCP.EXAMPLE/mcp"}""")]
    public void Check_AudienceNamingTheResource_Passes(string claims)
    {
        Assert.Null(McpAudience.Check(Caller(claims), McpRoute));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"aud":null}""")]
    [InlineData("""{"aud":42}""")]
    [InlineData("""{"aud":[]}""")]
    [InlineData("""{"aud":[["https://mcp.example/mcp"]]}""")]
    [InlineData("""{"aud":"https://mcp.example/mcp/other"}""")]
    [InlineData("""{"aud":"https://mcp.example"}""")]
    public void Check_AnyOtherAudience_IsWrongAudience(string claims)
    {
        Assert.Equal(AuthenticationFailureKind.WrongAudience, McpAudience.Check(Caller(claims), McpRoute)?.Kind);
    }

    [Fact]
    public void Check_RestRoute_HasNoResourceRule()
    {
        Assert.Null(McpAudience.Check(Caller("""{"aud":"api://x"}"""), McpRoute with { Mcp = null }));
    }

    private static Caller Caller(string claims)
    {
        using var json = JsonDocument.Parse(claims);
        return new Caller { Subject = "alice", Issuer = "https://idp.example", Claims = json.RootElement.Clone(), ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5) };
    }
}
