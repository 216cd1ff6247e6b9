using Microsoft.IdentityModel.Tokens;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

public sealed class JwtAuthenticatorKeyTests
{
    private static readonly TimeSpan PastRefreshInterval = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AuthenticateAsync_UnknownKidAfterRefreshInterval_RefreshesOnceAndSucceeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        Assert.True((await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1))).Succeeded);
        harness.Server.Publish(TestKey.Rsa1, TestKey.Rsa2);
        harness.Time.Advance(PastRefreshInterval);

        var result = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa2));

        Assert.True(result.Succeeded, result.Failure?.Description);
        Assert.Equal(2, harness.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_BurstOfUnknownKids_FetchesKeysAtMostOncePerInterval()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        Assert.True((await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1))).Succeeded);
        harness.Server.Publish(TestKey.Rsa1, TestKey.Rsa2);
        harness.Time.Advance(PastRefreshInterval);
        var rotated = Enumerable.Range(0, 20).Select(_ => harness.Token(TestKey.Rsa2)).ToList();
        var forged = Enumerable.Range(0, 20).Select(i => harness.Token(TestKey.Rsa3, d =>
            d.SigningCredentials = new SigningCredentials(new RsaSecurityKey(((RsaSecurityKey)TestKey.Rsa3.PrivateKey).Rsa) { KeyId = $"unknown-{i}" }, SecurityAlgorithms.RsaSha256))).ToList();

        var burst = await Task.WhenAll(rotated.Concat(forged).Select(t => harness.AuthenticateAsync(t).AsTask()));

        Assert.All(burst.Take(20), r => Assert.True(r.Succeeded, r.Failure?.Description));
        Assert.All(burst.Skip(20), r => Assert.Equal(AuthenticationFailureKind.BadSignature, r.Failure?.Kind));
        Assert.Equal(2, harness.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidWithinRefreshInterval_FailsWithoutFetchingUntilTheIntervalPasses()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        Assert.True((await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1))).Succeeded);
        harness.Server.Publish(TestKey.Rsa1, TestKey.Rsa2);
        var token = harness.Token(TestKey.Rsa2);

        var tooSoon = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => harness.AuthenticateAsync(token).AsTask()));
        var fetchesTooSoon = harness.Server.JwksRequests;
        harness.Time.Advance(PastRefreshInterval);
        var afterInterval = await harness.AuthenticateAsync(token);

        Assert.All(tooSoon, r => Assert.Equal(AuthenticationFailureKind.BadSignature, r.Failure?.Kind));
        Assert.Equal(1, fetchesTooSoon);
        Assert.True(afterInterval.Succeeded, afterInterval.Failure?.Description);
        Assert.Equal(2, harness.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyRotation_AcceptsNewKeyWithoutRestartAndOldKeyForOneRotation()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        Assert.True((await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1))).Succeeded);

        harness.Server.Publish(TestKey.Rsa2);
        harness.Time.Advance(PastRefreshInterval);
        var newKey = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa2));
        var oldKeyAfterOneRotation = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));

        harness.Server.Publish(TestKey.Rsa3);
        harness.Time.Advance(PastRefreshInterval);
        var newestKey = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa3));
        var previousKey = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa2));
        var oldKeyAfterTwoRotations = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));

        Assert.True(newKey.Succeeded, newKey.Failure?.Description);
        Assert.True(oldKeyAfterOneRotation.Succeeded, oldKeyAfterOneRotation.Failure?.Description);
        Assert.True(newestKey.Succeeded, newestKey.Failure?.Description);
        Assert.True(previousKey.Succeeded, previousKey.Failure?.Description);
        Assert.Equal(AuthenticationFailureKind.BadSignature, oldKeyAfterTwoRotations.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_CacheLifetimePassed_RefetchesKeys()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        Assert.True((await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1))).Succeeded);
        harness.Time.Advance(TimeSpan.FromMinutes(11));

        var result = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));
        var fetchesAfterExpiry = await WaitForFetchesAsync(harness, 2);

        Assert.True(result.Succeeded, result.Failure?.Description);
        Assert.Equal(2, fetchesAfterExpiry);
    }

    [Fact]
    public async Task AuthenticateAsync_JwksAnswers503_FailsAsIssuerUnavailable()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        harness.Server.Unavailable = true;

        var result = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));

        Assert.Equal(AuthenticationFailureKind.IssuerUnavailable, result.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_DiscoveryUnreachable_FailsAsIssuerUnavailable()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1], configure: c =>
            c with { JwksUri = null, Discovery = new Uri($"http://127.0.0.1:{FreePort.Next()}/.well-known/openid-configuration") });

        var result = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));

        Assert.Equal(AuthenticationFailureKind.IssuerUnavailable, result.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_DiscoveryDocumentNamesAnotherIssuer_FailsAsIssuerUnavailable()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1], discovery: true);
        harness.Server.DiscoveryIssuer = "https://someone-else.example";

        var result = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));

        Assert.Equal(AuthenticationFailureKind.IssuerUnavailable, result.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_IssuerDownLongAfterKeysExpired_FailsClosed()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        Assert.True((await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1))).Succeeded);
        harness.Server.Unavailable = true;

        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var withinGrace = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var pastGrace = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));

        Assert.True(withinGrace.Succeeded, withinGrace.Failure?.Description);
        Assert.Equal(AuthenticationFailureKind.IssuerUnavailable, pastGrace.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_IssuerBackAfterOutage_RecoversAfterRefreshInterval()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        harness.Server.Unavailable = true;
        var down = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));
        harness.Server.Unavailable = false;
        var tooSoon = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));
        harness.Time.Advance(PastRefreshInterval);

        var recovered = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));

        Assert.Equal(AuthenticationFailureKind.IssuerUnavailable, down.Failure?.Kind);
        Assert.Equal(AuthenticationFailureKind.IssuerUnavailable, tooSoon.Failure?.Kind);
        Assert.True(recovered.Succeeded, recovered.Failure?.Description);
    }

    private static async Task<int> WaitForFetchesAsync(AuthenticatorHarness harness, int expected)
    {
        // The refresh after the cache lifetime runs in the background; wait for it (bounded) rather than for a duration.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (harness.Server.JwksRequests < expected && !timeout.IsCancellationRequested)
            await Task.Delay(10, CancellationToken.None);
        return harness.Server.JwksRequests;
    }
}
