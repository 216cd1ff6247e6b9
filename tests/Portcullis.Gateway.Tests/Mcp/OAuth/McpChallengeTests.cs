using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mcp.OAuth;
using Portcullis.Gateway.Tests.Authentication;

namespace Portcullis.Gateway.Tests.Mcp.OAuth;

public sealed class McpChallengeTests
{
    private static readonly AuthenticationFailure Missing = new(AuthenticationFailureKind.Missing, "no bearer token was presented");

    [Fact]
    public void Unauthorized_NoToken_NamesTheMetadataAndTheRequiredScopesWithoutAnError()
    {
        var header = McpChallenge.Unauthorized(Missing, Mcp(required: ["mcp:tools", "mcp:read"], supported: ["mcp:admin"]));

        var (scheme, parameters) = ChallengeParser.Parse(header);

        Assert.Equal("Bearer", scheme);
        Assert.Equal("https://mcp.example/.well-known/oauth-protected-resource/mcp", parameters["resource_metadata"]);
        Assert.Equal("mcp:tools mcp:read", parameters["scope"]);
        Assert.False(parameters.ContainsKey("error"));
    }

    [Fact]
    public void Unauthorized_InvalidTokenAndOnlySupportedScopes_SaysInvalidTokenAndOffersTheSupportedScopes()
    {
        var header = McpChallenge.Unauthorized(new AuthenticationFailure(AuthenticationFailureKind.Expired, "the token has expired"), Mcp(required: [], supported: ["mcp:read"]));

        var (_, parameters) = ChallengeParser.Parse(header);

        Assert.Equal("invalid_token", parameters["error"]);
        Assert.Equal("the token has expired", parameters["error_description"]);
        Assert.Equal("mcp:read", parameters["scope"]);
    }

    [Fact]
    public void Unauthorized_NoScopesConfigured_LeavesScopeOut()
    {
        var (_, parameters) = ChallengeParser.Parse(McpChallenge.Unauthorized(Missing, Mcp(required: [], supported: [])));

        Assert.False(parameters.ContainsKey("scope"));
        Assert.True(parameters.ContainsKey("resource_metadata"));
    }

    [Fact]
    public void InsufficientScope_ParsesWithTheErrorEveryRequiredScopeAndTheMetadata()
    {
        var (scheme, parameters) = ChallengeParser.Parse(McpChallenge.InsufficientScope(Mcp(required: ["mcp:tools", "mcp:read"], supported: [])));

        Assert.Equal("Bearer", scheme);
        Assert.Equal("insufficient_scope", parameters["error"]);
        Assert.Equal("mcp:tools mcp:read", parameters["scope"]);
        Assert.Equal("https://mcp.example/.well-known/oauth-protected-resource/mcp", parameters["resource_metadata"]);
    }

    private static McpRouteConfig Mcp(string[] required, string[] supported) => new()
    {
        Resource = new Uri("https://mcp.example/mcp"),
        RequiredScopes = required,
        ScopesSupported = supported,
    };
}
