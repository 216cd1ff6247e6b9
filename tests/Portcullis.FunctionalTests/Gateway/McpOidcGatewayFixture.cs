using Portcullis.FunctionalTests.Oidc;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>A real OpenID provider (npm <c>oidc-provider</c>, RFC 8707 resource indicators) trusted by a real
/// <c>portcullis serve</c> with one MCP route, <c>/mcp</c> (resource <see cref="Resource"/>, requires the <c>read</c>
/// scope), in front of a recording upstream; the embedded PDP allows everything, so only the route's OAuth rules decide.
/// The issuer accepts tokens for <see cref="OtherResource"/> too: only the MCP route's audience rule refuses them there.</summary>
public sealed class McpOidcGatewayFixture : OidcServeFixture
{
    /// <summary>The MCP server's resource identifier.</summary>
    public const string Resource = "https://mcp.example.test/mcp";

    /// <summary>Another resource the issuer configuration accepts.</summary>
    public const string OtherResource = "https://mcp.example.test/other";

    /// <inheritdoc />
    protected override string Policy => """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: everyone
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["*"]
        """;

    /// <inheritdoc />
    internal override string Configuration(OidcProviderProcess provider, EchoUpstream upstream) => $$"""
        pdp:
          policies: policies
        issuers:
          - issuer: {{provider.IssuerId}}
            discovery: {{provider.Discovery}}
            audiences: [{{Resource}}, {{OtherResource}}]
            algorithms: [RS256]
            required_type: at+jwt
        routes:
          - id: mcp
            path: /mcp
            upstream: {{upstream.BaseAddress}}
            mcp:
              resource: {{Resource}}
              required_scopes: [read]
              scopes_supported: [read, write]
        """;

    /// <summary>Posts a JSON-RPC ping to <c>/mcp</c> with <paramref name="token"/> (none when null) and the request id <paramref name="requestId"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string? token, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Request-ID", requestId);
        return await Client.SendAsync(request);
    }
}
