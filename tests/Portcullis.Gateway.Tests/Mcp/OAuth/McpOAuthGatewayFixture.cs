using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.IdentityModel.JsonWebTokens;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Mcp.OAuth;

/// <summary>A real gateway on 127.0.0.1 with a real issuer and upstream and an embedded PDP that allows everything, so
/// only the OAuth rules of MCP routes decide. Routes: <c>/mcp</c> (resource <see cref="Resource"/>, requires
/// <c>mcp:tools</c>), <c>/pass/mcp</c> (resource <see cref="PassResource"/>, <c>pass_token: true</c>) and the REST
/// route <c>/rest/{id}</c>. The issuer accepts all three audiences, so the per-route audience rule is what refuses a
/// token of one MCP server at the other.</summary>
public sealed class McpOAuthGatewayFixture : IAsyncLifetime
{
    public const string Resource = "https://mcp.example.test/mcp";
    public const string PassResource = "https://mcp.example.test/pass/mcp";
    public const string RestAudience = "api://rest";

    private const string Policy = """
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

    private static readonly JsonWebTokenHandler Signer = new();
    private readonly TempFolder folder = new();
    private TestIssuerServer issuer = null!;
    private WebApplication gateway = null!;

    internal EchoUpstream Upstream { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Gets the issuer identifier (the default authorization server of the MCP routes).</summary>
    public string Issuer => issuer.Issuer;

    public async Task InitializeAsync()
    {
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        Upstream = await EchoUpstream.StartAsync();
        folder.Write("policies/route.yaml", Policy);
        var yaml = $$"""
            pdp:
              policies: policies
            issuers:
              - issuer: {{issuer.Issuer}}
                jwks_uri: {{issuer.JwksUri}}
                audiences: [{{Resource}}, {{PassResource}}, "{{RestAudience}}"]
            routes:
              - id: mcp
                path: /mcp
                upstream: {{Upstream.BaseAddress}}
                mcp:
                  resource: {{Resource}}
                  scopes_supported: [mcp:tools, mcp:read]
                  required_scopes: [mcp:tools]
                  resource_name: Test tools
              - id: pass
                path: /pass/mcp
                upstream: {{Upstream.BaseAddress}}
                mcp:
                  resource: {{PassResource}}
                  pass_token: true
              - id: rest
                path: /rest/{id}
                upstream: {{Upstream.BaseAddress}}
            """;
        (gateway, var client) = await GatewayHost.StartAsync(yaml, folder.Root);
        Client = client;
    }

    /// <summary>Signs a valid token whose <c>aud</c> is <paramref name="audience"/> (a JSON value: a text or a list)
    /// with the space-separated <paramref name="scope"/>, or with <paramref name="key"/> when given.</summary>
    public string Token(JsonNode audience, string scope, TestKey? key = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = issuer.Issuer,
            ["sub"] = "alice",
            ["aud"] = audience,
            ["scope"] = scope,
            ["client_id"] = "agent-1",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
        };
        return Signer.CreateToken(payload.ToJsonString(), (key ?? TestKey.Rsa1).Credentials());
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with the bearer <paramref name="token"/> (none
    /// when null) and a fresh request id, returned so the upstream's copy can be found.</summary>
    public async Task<(HttpResponseMessage Response, string RequestId)> SendAsync(HttpMethod method, string path, string? token, Action<HttpRequestMessage>? customize = null)
    {
        var requestId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Request-ID", requestId);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (method == HttpMethod.Post) request.Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", System.Text.Encoding.UTF8, "application/json");
        customize?.Invoke(request);
        return (await Client.SendAsync(request), requestId);
    }

    /// <summary>Returns the requests the upstream received with <paramref name="requestId"/>.</summary>
    internal IReadOnlyList<ReceivedRequest> ReceivedWith(string requestId) =>
        [.. Upstream.Received.Where(r => r.Headers.TryGetValue("X-Request-ID", out var id) && id == requestId)];

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        await issuer.DisposeAsync();
        folder.Dispose();
    }
}
