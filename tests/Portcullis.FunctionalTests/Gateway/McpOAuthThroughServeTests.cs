using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>An MCP client's OAuth discovery against a real <c>portcullis serve</c> and a real OpenID provider: the 401
/// challenge leads to the protected-resource metadata, that to the authorization server, whose token (asked for the
/// route's resource, RFC 8707) passes; a token for another resource is a 401, one without the required scope a 403.</summary>
public sealed partial class McpOAuthThroughServeTests(McpOidcGatewayFixture gateway) : IClassFixture<McpOidcGatewayFixture>
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Post_FollowingTheChallengeToTheProvidersToken_ReachesTheUpstreamWithoutTheToken()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        using var challenged = await gateway.PostAsync(null, "mcp-discover-1");
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        var metadataUrl = new Uri(Parameter(challenged, "resource_metadata"));
        Assert.Equal("https://mcp.example.test/.well-known/oauth-protected-resource/mcp", metadataUrl.AbsoluteUri);
        Assert.Equal("read", Parameter(challenged, "scope"));

        // The configured resource host is not resolvable here; the gateway serves the document whatever the Host.
        using var metadata = JsonDocument.Parse(await gateway.Client.GetStringAsync(new Uri(metadataUrl.AbsolutePath, UriKind.Relative), timeout.Token));
        var resource = metadata.RootElement.GetProperty("resource").GetString()!;
        var authorizationServer = Assert.Single(metadata.RootElement.GetProperty("authorization_servers").EnumerateArray()).GetString()!;
        Assert.Equal(McpOidcGatewayFixture.Resource, resource);
        Assert.Equal(gateway.Provider.IssuerId, authorizationServer);

        var token = await gateway.Provider.GetAccessTokenAsync(resource, "read", timeout.Token);
        using var response = await gateway.PostAsync(token, "mcp-discover-2");

        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}\ngateway output:\n{gateway.GatewayOutput}");
        var received = Assert.Single(gateway.ReceivedWith("mcp-discover-2"));
        Assert.False(received.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Post_TokenForAnotherResource_Is401InvalidTokenAndNeverForwarded()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var token = await gateway.Provider.GetAccessTokenAsync(McpOidcGatewayFixture.OtherResource, "read", timeout.Token);

        using var response = await gateway.PostAsync(token, "mcp-other-resource");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_token", Parameter(response, "error"));
        Assert.Equal("https://mcp.example.test/.well-known/oauth-protected-resource/mcp", Parameter(response, "resource_metadata"));
        Assert.Empty(gateway.ReceivedWith("mcp-other-resource"));
    }

    [Fact]
    public async Task Post_TokenWithoutTheRequiredScope_Is403InsufficientScope()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var token = await gateway.Provider.GetAccessTokenAsync(McpOidcGatewayFixture.Resource, "write", timeout.Token);

        using var response = await gateway.PostAsync(token, "mcp-write-only");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_scope", Parameter(response, "error"));
        Assert.Equal("read", Parameter(response, "scope"));
        Assert.Empty(gateway.ReceivedWith("mcp-write-only"));
    }

    private static string Parameter(HttpResponseMessage response, string name)
    {
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        var match = ChallengeParameter().Matches(challenge.Parameter ?? "").SingleOrDefault(m => m.Groups[1].Value == name);
        Assert.True(match is not null, $"no {name} in: {challenge.Parameter}");
        return match.Groups[2].Value;
    }

    [GeneratedRegex("(?:^|, )([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex ChallengeParameter();
}
