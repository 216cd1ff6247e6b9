using System.Net;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>Access tokens from a real OpenID provider's token endpoint, checked by <c>portcullis serve</c> through
/// discovery: the right resource passes to the upstream, another resource is a 401 challenge.</summary>
public sealed class OidcProviderThroughServeTests(OidcGatewayFixture gateway) : IClassFixture<OidcGatewayFixture>
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Get_TokenFromTheProvidersTokenEndpoint_ReachesTheUpstream()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var token = await gateway.Provider.GetAccessTokenAsync(OidcGatewayFixture.Orders, "read", timeout.Token);

        using var response = await gateway.GetAsync("/orders/1", token, "oidc-orders");

        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}\ngateway output:\n{gateway.GatewayOutput}");
        Assert.Equal("GET /orders/1", body);
        Assert.Single(gateway.ReceivedWith("oidc-orders"));
    }

    [Fact]
    public async Task Get_TokenForAnotherResource_Answers401InvalidTokenAndNeverForwards()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var token = await gateway.Provider.GetAccessTokenAsync(OidcGatewayFixture.Billing, "read", timeout.Token);

        using var response = await gateway.GetAsync("/orders/2", token, "oidc-billing");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.DoesNotContain(token, challenge.Parameter, StringComparison.Ordinal);
        Assert.Empty(gateway.ReceivedWith("oidc-billing"));
    }
}
