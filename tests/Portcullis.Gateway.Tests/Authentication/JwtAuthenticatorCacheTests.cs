using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

public sealed class JwtAuthenticatorCacheTests
{
    [Fact]
    public async Task AuthenticateAsync_SameTokenTwice_VerifiesTheSignatureOnce()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1);

        var first = await harness.AuthenticateAsync(token);
        var second = await harness.AuthenticateAsync(token);

        Assert.True(second.Succeeded);
        Assert.Equal(first.Caller, second.Caller);
        Assert.Equal(1, harness.Authenticator.SignatureValidations);
        Assert.Equal(1, harness.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_CachedTokenPastItsExpiry_FailsAsExpired()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1);
        Assert.True((await harness.AuthenticateAsync(token)).Succeeded);
        harness.Time.Advance(TimeSpan.FromMinutes(6));

        var result = await harness.AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailureKind.Expired, result.Failure?.Kind);
        Assert.Equal(2, harness.Authenticator.SignatureValidations);
    }

    [Fact]
    public async Task AuthenticateAsync_CachedTokenWhoseKeyWasRotatedOut_FailsAsBadSignature()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1], configure: c => c with { JwksCacheLifetime = TimeSpan.FromMinutes(60) });
        var token = harness.Token(TestKey.Rsa1, d => d.Expires = harness.Time.GetUtcNow().UtcDateTime.AddHours(1));
        Assert.True((await harness.AuthenticateAsync(token)).Succeeded);
        harness.Server.Publish(TestKey.Rsa2);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await harness.AuthenticateAsync(harness.Token(TestKey.Rsa2))).Succeeded);
        harness.Server.Publish(TestKey.Rsa3);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await harness.AuthenticateAsync(harness.Token(TestKey.Rsa3))).Succeeded);

        var result = await harness.AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailureKind.BadSignature, result.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_CacheFull_StillAuthenticatesNewTokens()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var authenticator = new JwtAuthenticator(
            new JwtAuthenticationConfig
            {
                Issuers = [new JwtIssuerConfig { Issuer = harness.Issuer, JwksUri = harness.Server.JwksUri, Audiences = [AuthenticatorHarness.Audience] }],
                ValidatedTokenCacheSize = 2,
            },
            new HttpClient(),
            harness.Time);
        var tokens = Enumerable.Range(0, 4).Select(_ => "Bearer " + harness.Token(TestKey.Rsa1)).ToList();

        foreach (var token in tokens)
            Assert.True((await authenticator.AuthenticateAsync(token)).Succeeded);
        foreach (var token in tokens)
            Assert.True((await authenticator.AuthenticateAsync(token)).Succeeded);

        Assert.Equal(6, authenticator.SignatureValidations);
    }
}
