using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The provider rotates its signing key while <c>portcullis serve</c> runs: tokens signed with the new key
/// are accepted without a restart, and tokens signed with the previous key still are while it stays published.</summary>
public sealed class OidcKeyRotationThroughServeTests(OidcGatewayFixture gateway) : IClassFixture<OidcGatewayFixture>
{
    [Fact]
    public async Task Get_AfterTheProviderRotatesKeys_NewTokensAreAcceptedByTheRunningGateway()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var before = await gateway.Provider.GetAccessTokenAsync(OidcGatewayFixture.Orders, "read", timeout.Token);
        using (var first = await gateway.GetAsync("/orders/10", before, "rotation-before"))
        {
            Assert.True(first.StatusCode == HttpStatusCode.OK, $"{(int)first.StatusCode}\ngateway output:\n{gateway.GatewayOutput}");
        }

        var newKid = await gateway.Provider.RotateKeysAsync(timeout.Token);
        var after = await gateway.Provider.GetAccessTokenAsync(OidcGatewayFixture.Orders, "read", timeout.Token);
        // The unknown kid may cause a key fetch only once the refresh interval since the last fetch has passed.
        await Task.Delay(OidcGatewayFixture.RefreshInterval + TimeSpan.FromMilliseconds(200), timeout.Token);
        using var withNewKey = await gateway.GetAsync("/orders/11", after, "rotation-after");
        using var withPreviousKey = await gateway.GetAsync("/orders/12", before, "rotation-previous");

        Assert.Equal(newKid, new JsonWebToken(after).Kid);
        Assert.NotEqual(newKid, new JsonWebToken(before).Kid);
        Assert.True(withNewKey.StatusCode == HttpStatusCode.OK, $"{(int)withNewKey.StatusCode}\ngateway output:\n{gateway.GatewayOutput}");
        Assert.Single(gateway.ReceivedWith("rotation-after"));
        Assert.Equal(HttpStatusCode.OK, withPreviousKey.StatusCode);
        Assert.Single(gateway.ReceivedWith("rotation-previous"));
    }
}
