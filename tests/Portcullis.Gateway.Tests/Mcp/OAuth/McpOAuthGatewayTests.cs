using System.Net;
using System.Text.Json.Nodes;
using Portcullis.Gateway.Tests.Authentication;

namespace Portcullis.Gateway.Tests.Mcp.OAuth;

/// <summary>The OAuth rules of MCP routes as an MCP client sees them: the 401 challenge that leads to the metadata, the
/// resource audience (RFC 8707), the required scopes (403 insufficient_scope) and no token passthrough.</summary>
[Collection(McpOAuthGatewayCollection.Name)]
public sealed class McpOAuthGatewayTests(McpOAuthGatewayFixture gateway)
{
    private const string Metadata = "https://mcp.example.test/.well-known/oauth-protected-resource/mcp";

    [Fact]
    public async Task Post_NoToken_Is401NamingTheMetadataAndScopeWithoutAnError()
    {
        var (response, requestId) = await gateway.SendAsync(HttpMethod.Post, "/mcp", null);
        using var _ = response;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var (scheme, parameters) = Challenge(response);
        Assert.Equal("Bearer", scheme);
        Assert.Equal(Metadata, parameters["resource_metadata"]);
        Assert.Equal("mcp:tools", parameters["scope"]);
        Assert.False(parameters.ContainsKey("error"));
        Assert.Empty(gateway.ReceivedWith(requestId));
    }

    [Fact]
    public async Task Post_NoTokenWithAForeignHostHeader_TheMetadataAddressStaysOnTheConfiguredOrigin()
    {
        var (response, _) = await gateway.SendAsync(HttpMethod.Post, "/mcp", null, r => r.Headers.Host = "evil.example");
        using var _r = response;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Metadata, Challenge(response).Parameters["resource_metadata"]);
    }

    [Fact]
    public async Task Post_TokenSignedByAnUnknownKey_Is401InvalidTokenWithTheMetadata()
    {
        var token = gateway.Token(McpOAuthGatewayFixture.Resource, "mcp:tools", TestKey.Rsa2);

        var (response, requestId) = await gateway.SendAsync(HttpMethod.Post, "/mcp", token);
        using var _ = response;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var parameters = Challenge(response).Parameters;
        Assert.Equal("invalid_token", parameters["error"]);
        Assert.Equal(Metadata, parameters["resource_metadata"]);
        Assert.Empty(gateway.ReceivedWith(requestId));
    }

    [Fact]
    public async Task Post_TokenForTheOtherMcpServer_Is401InvalidTokenAndNotForwarded()
    {
        // The issuer accepts this audience; only the route's resource rule refuses it.
        var token = gateway.Token(McpOAuthGatewayFixture.PassResource, "mcp:tools");

        var (response, requestId) = await gateway.SendAsync(HttpMethod.Post, "/mcp", token);
        using var _ = response;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var parameters = Challenge(response).Parameters;
        Assert.Equal("invalid_token", parameters["error"]);
        Assert.Contains("audience", parameters["error_description"], StringComparison.Ordinal);
        Assert.Equal(Metadata, parameters["resource_metadata"]);
        Assert.Empty(gateway.ReceivedWith(requestId));
    }

    [Fact]
    public async Task Post_RestTokenOnAnMcpRoute_Is401()
    {
        var (response, requestId) = await gateway.SendAsync(HttpMethod.Post, "/mcp", gateway.Token(McpOAuthGatewayFixture.RestAudience, "mcp:tools"));
        using var _ = response;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(gateway.ReceivedWith(requestId));
    }

    [Fact]
    public async Task Post_TokenWithoutTheRequiredScope_Is403InsufficientScopeNamingTheScopeAndMetadata()
    {
        var (response, requestId) = await gateway.SendAsync(HttpMethod.Post, "/mcp", gateway.Token(McpOAuthGatewayFixture.Resource, "mcp:read"));
        using var _ = response;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (scheme, parameters) = Challenge(response);
        Assert.Equal("Bearer", scheme);
        Assert.Equal("insufficient_scope", parameters["error"]);
        Assert.Equal("mcp:tools", parameters["scope"]);
        Assert.Equal(Metadata, parameters["resource_metadata"]);
        Assert.Empty(gateway.ReceivedWith(requestId));
    }

    [Fact]
    public async Task Post_ScopeDifferingOnlyInCase_IsNotTheRequiredScope()
    {
        var (response, _) = await gateway.SendAsync(HttpMethod.Post, "/mcp", gateway.Token(McpOAuthGatewayFixture.Resource, "MCP:TOOLS"));
        using var _r = response;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_ValidToken_IsForwardedWithoutTheCallersToken()
    {
        var (response, requestId) = await gateway.SendAsync(HttpMethod.Post, "/mcp", gateway.Token(McpOAuthGatewayFixture.Resource, "mcp:tools mcp:read"));
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(gateway.ReceivedWith(requestId));
        Assert.False(received.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Post_AudienceListNamingTheResource_IsForwarded()
    {
        var audiences = new JsonArray("https://other.example", McpOAuthGatewayFixture.Resource);

        var (response, requestId) = await gateway.SendAsync(HttpMethod.Post, "/mcp", gateway.Token(audiences, "mcp:tools"));
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(gateway.ReceivedWith(requestId));
    }

    [Fact]
    public async Task Post_PassTokenRoute_ForwardsTheCallersToken()
    {
        var token = gateway.Token(McpOAuthGatewayFixture.PassResource, "");

        var (response, requestId) = await gateway.SendAsync(HttpMethod.Post, "/pass/mcp", token);
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer " + token, Assert.Single(gateway.ReceivedWith(requestId)).Headers["Authorization"]);
    }

    [Fact]
    public async Task Get_RestRouteWithoutToken_KeepsThePlainChallenge()
    {
        var (response, _) = await gateway.SendAsync(HttpMethod.Get, "/rest/1", null);
        using var _r = response;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(Challenge(response).Parameters.ContainsKey("resource_metadata"));
    }

    [Fact]
    public async Task Get_RestRouteWithToken_StillPassesTheAuthorizationHeader()
    {
        var token = gateway.Token(McpOAuthGatewayFixture.RestAudience, "");

        var (response, requestId) = await gateway.SendAsync(HttpMethod.Get, "/rest/1", token);
        using var _r = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(gateway.ReceivedWith(requestId)).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Get_RestRouteWithATokenIssuedOnlyForTheMcpServer_Is401_AndNothingIsForwarded()
    {
        var token = gateway.Token(McpOAuthGatewayFixture.Resource, "mcp:tools");

        var (response, requestId) = await gateway.SendAsync(HttpMethod.Get, "/rest/1", token);
        using var _r = response;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var parameters = Challenge(response).Parameters;
        Assert.Equal("invalid_token", parameters["error"]);
        Assert.Contains("MCP server", parameters["error_description"], StringComparison.Ordinal);
        Assert.Empty(gateway.ReceivedWith(requestId));
    }

    [Fact]
    public async Task Get_RestRouteWithATokenForTheMcpServerAndThisApi_IsAccepted()
    {
        var token = gateway.Token(new System.Text.Json.Nodes.JsonArray(McpOAuthGatewayFixture.Resource, McpOAuthGatewayFixture.RestAudience), "");

        var (response, _) = await gateway.SendAsync(HttpMethod.Get, "/rest/1", token);
        using var _r = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static (string Scheme, Dictionary<string, string> Parameters) Challenge(HttpResponseMessage response) =>
        ChallengeParser.Parse(Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
}
