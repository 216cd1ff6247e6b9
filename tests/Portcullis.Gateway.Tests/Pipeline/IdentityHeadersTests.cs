using System.Net;
using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>Identity headers as the upstream sees them: client-supplied ones stripped, verified ones injected.</summary>
[Collection(FeatureGatewayCollection.Name)]
public sealed class IdentityHeadersTests(FeatureGatewayFixture gateway)
{
    [Fact]
    public async Task Send_SpoofedIdentityHeaders_UpstreamSeesOnlyTheVerifiedValues()
    {
        var token = gateway.Token("alice-identity", new Dictionary<string, object>
        {
            ["roles"] = new[] { "reader", "writer" },
            ["tenant"] = "acme",
            ["acr"] = "2",
        });

        using var response = await gateway.SendAsync(HttpMethod.Get, "/plain/identity", null, r =>
        {
            r.Headers.Authorization = new("Bearer", token);
            r.Headers.Add("X-User-Id", "admin");
            r.Headers.Add("x-user-roles", "superuser");
            r.Headers.Add("X-Tenant-Id", "other");
            r.Headers.Add("X-Auth-Level", "99");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = Assert.Single(gateway.ReceivedAt("/plain/identity")).Headers;
        Assert.Equal("alice-identity", headers["X-User-Id"]);
        Assert.Equal("reader,writer", headers["X-User-Roles"]);
        Assert.Equal("acme", headers["X-Tenant-Id"]);
        Assert.Equal("2", headers["X-Auth-Level"]);
    }

    [Fact]
    public async Task Send_ClaimsAbsent_NothingInjectedAndTheClientsValuesStillStripped()
    {
        // X-Auth-Level matches no strip pattern: it is stripped because the gateway injects it.
        using var response = await gateway.SendAsync(HttpMethod.Get, "/plain/no-claims", "alice-bare", r =>
        {
            r.Headers.Add("X-Tenant-Id", "other");
            r.Headers.Add("X-Auth-Level", "99");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = Assert.Single(gateway.ReceivedAt("/plain/no-claims")).Headers;
        Assert.Equal("alice-bare", headers["X-User-Id"]);
        Assert.False(headers.ContainsKey("X-Tenant-Id"));
        Assert.False(headers.ContainsKey("X-Auth-Level"));
        Assert.False(headers.ContainsKey("X-User-Roles"));
    }

    [Fact]
    public async Task Send_ClaimWithLineBreak_IsNotInjectedAndIsLoggedWithoutItsValue()
    {
        var token = gateway.Token("alice-crlf", new Dictionary<string, object> { ["note"] = "ok\r\nX-Injected: yes" });

        using var response = await gateway.SendAsync(HttpMethod.Get, "/plain/crlf", null, r => r.Headers.Authorization = new("Bearer", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = Assert.Single(gateway.ReceivedAt("/plain/crlf")).Headers;
        Assert.False(headers.ContainsKey("X-User-Note"));
        Assert.False(headers.ContainsKey("X-Injected"));
        Assert.Equal("alice-crlf", headers["X-User-Id"]);
        var requestId = Assert.Single(response.Headers.GetValues("X-Request-ID"));
        var warning = Assert.Single(gateway.Logs.Entries, e => e.EventId == 4106 && e.Message.Contains(requestId, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.DoesNotContain("X-Injected", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_DeniedRequest_IsNotForwardedSoNothingIsInjected()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/plain/denied", "bob-identity");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(gateway.ReceivedAt("/plain/denied"));
    }
}
