using Microsoft.IdentityModel.JsonWebTokens;
using Portcullis.Gateway.Authentication;

namespace Portcullis.FunctionalTests.Oidc;

/// <summary>End to end: <see cref="JwtAuthenticator"/> configured by OpenID Connect discovery against a real OpenID
/// provider (npm <c>oidc-provider</c>), whose token endpoint issues RS256 <c>at+jwt</c> access tokens (RFC 9068) for a
/// resource (RFC 8707).</summary>
public sealed class JwtAuthenticatorOidcProviderTests
{
    private const string Orders = "https://api.example.test/orders";
    private const string Billing = "https://api.example.test/billing";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AuthenticateAsync_TokenFromTheProvidersTokenEndpoint_SucceedsWithItsClientAndScopes()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var provider = await OidcProviderProcess.StartAsync(timeout.Token);
        using var http = new HttpClient();
        var authenticator = CreateAuthenticator(provider, http);
        var token = await provider.GetAccessTokenAsync(Orders, "read write", timeout.Token);

        var result = await authenticator.AuthenticateAsync($"Bearer {token}", timeout.Token);

        Assert.True(result.Succeeded, $"{result.Failure?.Kind}: {result.Failure?.Description}\nprovider output:\n{provider.Output}");
        Assert.Equal(OidcProviderProcess.ClientId, result.Caller.Subject);
        Assert.Equal(OidcProviderProcess.ClientId, result.Caller.ClientId);
        Assert.Equal(provider.IssuerId, result.Caller.Issuer);
        Assert.Equal(["read", "write"], result.Caller.Scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AuthenticateAsync_TokenForAnotherResource_FailsWithWrongAudience()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var provider = await OidcProviderProcess.StartAsync(timeout.Token);
        using var http = new HttpClient();
        var authenticator = CreateAuthenticator(provider, http);
        var token = await provider.GetAccessTokenAsync(Billing, "read", timeout.Token);

        var result = await authenticator.AuthenticateAsync($"Bearer {token}", timeout.Token);

        Assert.False(result.Succeeded);
        Assert.Equal(AuthenticationFailureKind.WrongAudience, result.Failure.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_AfterTheProviderRotatesKeys_AcceptsNewTokensWithoutANewAuthenticator()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var provider = await OidcProviderProcess.StartAsync(timeout.Token);
        using var http = new HttpClient();
        var authenticator = CreateAuthenticator(provider, http);
        var before = await provider.GetAccessTokenAsync(Orders, "read", timeout.Token);
        var beforeResult = await authenticator.AuthenticateAsync($"Bearer {before}", timeout.Token);
        Assert.True(beforeResult.Succeeded, $"{beforeResult.Failure?.Kind}: {beforeResult.Failure?.Description}");

        var newKid = await provider.RotateKeysAsync(timeout.Token);
        var after = await provider.GetAccessTokenAsync(Orders, "read", timeout.Token);
        // The unknown kid may cause a key fetch only once the refresh interval since the last fetch has passed.
        await Task.Delay(RefreshInterval + TimeSpan.FromMilliseconds(200), timeout.Token);
        var afterResult = await authenticator.AuthenticateAsync($"Bearer {after}", timeout.Token);
        var previousResult = await authenticator.AuthenticateAsync($"Bearer {before}", timeout.Token);

        Assert.Equal(newKid, new JsonWebToken(after).Kid);
        Assert.NotEqual(newKid, new JsonWebToken(before).Kid);
        Assert.True(afterResult.Succeeded, $"{afterResult.Failure?.Kind}: {afterResult.Failure?.Description}\nprovider output:\n{provider.Output}");
        Assert.Equal(OidcProviderProcess.ClientId, afterResult.Caller.Subject);
        Assert.True(previousResult.Succeeded, $"{previousResult.Failure?.Kind}: {previousResult.Failure?.Description}");
    }

    private static JwtAuthenticator CreateAuthenticator(OidcProviderProcess provider, HttpClient http) =>
        new(
            new JwtAuthenticationConfig
            {
                Issuers =
                [
                    new JwtIssuerConfig
                    {
                        Issuer = provider.IssuerId,
                        Discovery = provider.Discovery,
                        Audiences = [Orders],
                        AllowedAlgorithms = ["RS256"],
                        RequiredType = "at+jwt",
                        RefreshInterval = RefreshInterval,
                        MetadataTimeout = TimeSpan.FromSeconds(10),
                    },
                ],
            },
            http);
}
