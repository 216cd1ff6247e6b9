using Portcullis.FunctionalTests.Oidc;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>A real OpenID provider (npm <c>oidc-provider</c>) trusted by a real <c>portcullis serve</c> through OIDC
/// discovery, in front of a recording upstream; the embedded PDP lets the provider's test client use
/// <c>/orders/{orderId}</c>. Keys may be refetched one second after the last fetch (<c>refresh_interval_seconds</c>).</summary>
public sealed class OidcGatewayFixture : OidcServeFixture
{
    /// <summary>The resource (audience) the gateway accepts tokens for.</summary>
    public const string Orders = "https://api.example.test/orders";

    /// <summary>Another resource of the same provider, not accepted by the gateway.</summary>
    public const string Billing = "https://api.example.test/billing";

    /// <summary>How soon after a key fetch an unknown <c>kid</c> may cause another.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override string Policy => $$"""
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: the-test-client-on-orders
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["*"]
              condition:
                match:
                  expr: P.id == "{{OidcProviderProcess.ClientId}}" && R.id == "/orders/{orderId}"
        """;

    /// <inheritdoc />
    internal override string Configuration(OidcProviderProcess provider, EchoUpstream upstream) => $$"""
            pdp:
              policies: policies
            issuers:
              - issuer: {{provider.IssuerId}}
                discovery: {{provider.Discovery}}
                audiences: [{{Orders}}]
                algorithms: [RS256]
                required_type: at+jwt
                refresh_interval_seconds: {{(int)RefreshInterval.TotalSeconds}}
            routes:
              - id: orders
                path: /orders/{orderId}
                upstream: {{upstream.BaseAddress}}
            """;

    /// <summary>Sends GET <paramref name="path"/> with <paramref name="token"/> and the request id <paramref name="requestId"/>.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string token, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Request-ID", requestId);
        return Client.SendAsync(request);
    }
}
