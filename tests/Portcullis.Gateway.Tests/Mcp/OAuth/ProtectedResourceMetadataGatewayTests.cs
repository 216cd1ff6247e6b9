using System.Net;
using System.Text.Json;

namespace Portcullis.Gateway.Tests.Mcp.OAuth;

/// <summary>RFC 9728 metadata as an MCP client fetches it from a running gateway.</summary>
[Collection(McpOAuthGatewayCollection.Name)]
public sealed class ProtectedResourceMetadataGatewayTests(McpOAuthGatewayFixture gateway)
{
    [Fact]
    public async Task Get_PathSuffixedUrl_ServesTheRouteDocumentAnonymouslyCacheableAndUnrecorded()
    {
        using var response = await gateway.Client.GetAsync(new Uri("/.well-known/oauth-protected-resource/mcp", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("X-Request-ID"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(McpOAuthGatewayFixture.Resource, root.GetProperty("resource").GetString());
        Assert.Equal([gateway.Issuer], root.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["mcp:tools", "mcp:read"], root.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["header"], root.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Test tools", root.GetProperty("resource_name").GetString());
    }

    [Fact]
    public async Task Get_SecondServersUrl_ServesItsOwnDocument()
    {
        using var response = await gateway.Client.GetAsync(new Uri("/.well-known/oauth-protected-resource/pass/mcp", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(McpOAuthGatewayFixture.PassResource, json.RootElement.GetProperty("resource").GetString());
        Assert.False(json.RootElement.TryGetProperty("scopes_supported", out _));
    }

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource")]
    [InlineData("/.well-known/oauth-protected-resource/rest/1")]
    [InlineData("/.well-known/oauth-protected-resource/nothing")]
    public async Task Get_RootWithTwoServersOrAPathNoMcpRouteOwns_Is404WithoutTouchingTheUpstream(string path)
    {
        var before = gateway.Upstream.Received.Count;

        using var response = await gateway.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, gateway.Upstream.Received.Count);
    }

    [Fact]
    public async Task Get_WithAForeignHostHeader_TheDocumentStillNamesTheConfiguredResource()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/oauth-protected-resource/mcp");
        request.Headers.Host = "evil.example";

        using var response = await gateway.Client.SendAsync(request);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(McpOAuthGatewayFixture.Resource, json.RootElement.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Head_PathSuffixedUrl_Is200WithoutBody()
    {
        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/.well-known/oauth-protected-resource/mcp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Options_Preflight_AllowsAnyOriginToRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/.well-known/oauth-protected-resource/mcp");
        request.Headers.Add("Origin", "https://inspector.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "mcp-protocol-version");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("GET", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }
}
