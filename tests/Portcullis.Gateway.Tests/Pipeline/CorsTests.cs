using System.Net;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>CORS as a browser sees it: preflights answered by the gateway without a token, and CORS headers on the
/// route's real responses, errors included.</summary>
[Collection(FeatureGatewayCollection.Name)]
public sealed class CorsTests(FeatureGatewayFixture gateway)
{
    private const string Origin = FeatureGatewayFixture.AllowedOrigin;

    [Fact]
    public async Task Preflight_AllowedOrigin_Answers204WithTheCorsHeadersWithoutTokenOrForwarding()
    {
        using var response = await PreflightAsync("/cors/1", Origin, "POST", "authorization,content-type");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods")!.Split(','));
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers")!.ToLowerInvariant().Split(','));
        Assert.Equal("300", Header(response, "Access-Control-Max-Age"));
        Assert.Empty(gateway.ReceivedAt("/cors/1"));
        Assert.Equal(GatewayOutcome.Preflight, gateway.Observed(response).Outcome);
        Assert.Equal("preflight", gateway.Observed(response).Reason);
    }

    [Fact]
    public async Task Preflight_OriginNotAllowed_Answers204WithoutAnyAllowHeader()
    {
        using var response = await PreflightAsync("/cors/2", "https://evil.example", "GET", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-Allow-", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("preflight_refused", gateway.Observed(response).Reason);
        Assert.Empty(gateway.ReceivedAt("/cors/2"));
    }

    [Fact]
    public async Task Preflight_MethodNotAllowed_TheMethodIsNotInTheAllowList()
    {
        using var response = await PreflightAsync("/cors/3", Origin, "DELETE", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain("DELETE", Header(response, "Access-Control-Allow-Methods")?.Split(',') ?? []);
        Assert.Equal("preflight_refused", gateway.Observed(response).Reason);
    }

    [Fact]
    public async Task Get_AllowedOriginWithoutToken_The401CarriesCorsHeadersSoTheScriptCanReadIt()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/cors/4", null, r => r.Headers.Add("Origin", Origin));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("X-Request-ID", Header(response, "Access-Control-Expose-Headers")!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_AllowedOriginDenied_The403CarriesCorsHeaders()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/cors/5", "bob-cors", r => r.Headers.Add("Origin", Origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_AllowedOriginAllowed_IsForwardedAndCarriesCorsHeaders()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/cors/6", "alice-cors", r => r.Headers.Add("Origin", Origin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Single(gateway.ReceivedAt("/cors/6"));
    }

    [Fact]
    public async Task Get_OriginNotAllowed_IsAuthorizedAsUsualButGetsNoCorsHeaders()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/cors/7", "alice-cors", r => r.Headers.Add("Origin", "https://evil.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Options_NotAPreflightOnARouteWithoutOptions_Answers405()
    {
        using var response = await gateway.SendAsync(HttpMethod.Options, "/cors/8", "alice-cors");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(gateway.ReceivedAt("/cors/8"));
    }

    [Fact]
    public async Task Preflight_OnARouteWithoutCors_NeedsATokenLikeAnyRequest()
    {
        using var response = await PreflightAsync("/plain/1", Origin, "GET", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Empty(gateway.ReceivedAt("/plain/1"));
    }

    private Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method, string? headers) =>
        gateway.SendAsync(HttpMethod.Options, path, null, r =>
        {
            r.Headers.Add("Origin", origin);
            r.Headers.Add("Access-Control-Request-Method", method);
            if (headers is not null) r.Headers.Add("Access-Control-Request-Headers", headers);
        });

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
