using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

/// <summary>One test issuer server, a fake clock and an authenticator trusting that issuer.</summary>
internal sealed class AuthenticatorHarness : IAsyncDisposable
{
    public const string Audience = "api://orders";

    private static readonly JsonWebTokenHandler Signer = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly HttpClient http = new();

    private AuthenticatorHarness(TestIssuerServer server) => Server = server;

    public TestIssuerServer Server { get; }

    // Far from the real clock, so a test passes only if every time check uses the injected TimeProvider.
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));

    public JwtAuthenticator Authenticator { get; private set; } = null!;

    public string Issuer => Server.Issuer;

    public static async Task<AuthenticatorHarness> StartAsync(TestKey[] keys, bool discovery = false, Func<JwtIssuerConfig, JwtIssuerConfig>? configure = null)
    {
        var harness = new AuthenticatorHarness(await TestIssuerServer.StartAsync(keys));
        var issuer = new JwtIssuerConfig
        {
            Issuer = harness.Server.Issuer,
            Audiences = [Audience],
            Discovery = discovery ? harness.Server.DiscoveryUri : null,
            JwksUri = discovery ? null : harness.Server.JwksUri,
        };
        issuer = configure?.Invoke(issuer) ?? issuer;
        harness.Authenticator = new JwtAuthenticator(new JwtAuthenticationConfig { Issuers = [issuer] }, harness.http, harness.Time);
        return harness;
    }

    /// <summary>Signs a token valid now for five minutes, for subject alice; <paramref name="customize"/> changes any part.</summary>
    public string Token(TestKey key, Action<SecurityTokenDescriptor>? customize = null)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = key.Credentials(),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "alice",
                ["client_id"] = "orders-web",
                ["scope"] = "orders.read orders.write",
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
        };
        customize?.Invoke(descriptor);
        return Signer.CreateToken(descriptor);
    }

    public ValueTask<AuthenticationResult> AuthenticateAsync(string token) => Authenticator.AuthenticateAsync("Bearer " + token);

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
    }
}
