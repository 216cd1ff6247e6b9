namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>Client-supplied identity headers: the upstream never sees the client's value, whatever the spelling.</summary>
[Collection(HostileGatewayCollection.Name)]
public sealed class IdentityHeaderSpoofingTests(HostileGatewayFixture gateway)
{
    private const string SpoofedValue = "spoofed-by-client";

    public static TheoryData<string> Names => new()
    {
        "X-User-Id", "x-user-id", "X-USER-ID", "x-UsEr-Id", "X-Tenant-Id", "x-tenant-id", "X-TENANT-ID", "X-User-Roles",
        // CGI/WSGI-style servers read X_User_Id as X-User-Id (both become HTTP_X_USER_ID).
        "X_User_Id", "x_tenant_id",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Send_SpoofedIdentityHeader_IsStrippedBeforeTheUpstream(string name)
    {
        var exchange = await gateway.SendAsync("/todos/1", gateway.Tokens.Valid(HostileGatewayFixture.User), "GET", null, (name, SpoofedValue), ("X-Other", "kept"));

        Assert.Equal(200, exchange.Response.Status);
        var received = Assert.Single(gateway.ForwardedFor(exchange.RequestId));
        Assert.DoesNotContain(received.Headers, h => h.Value.Contains(SpoofedValue, StringComparison.Ordinal));
        Assert.Equal("kept", received.Headers["X-Other"]);
        await HostileAssert.OneDecisionRecordAsync(gateway, exchange);
    }

    [Fact]
    public async Task Send_RepeatedSpoofedHeadersOnAnonymousRoute_AreAllStripped()
    {
        var exchange = await gateway.SendAsync("/public/x", token: null, "GET", null,
            ("X-User-Id", SpoofedValue), ("x-user-id", SpoofedValue), ("X-Tenant-Id", SpoofedValue), ("X-TENANT-ID", SpoofedValue));

        Assert.Equal(200, exchange.Response.Status);
        var received = Assert.Single(gateway.ForwardedFor(exchange.RequestId));
        Assert.DoesNotContain(received.Headers, h => h.Value.Contains(SpoofedValue, StringComparison.Ordinal));
        await HostileAssert.OneDecisionRecordAsync(gateway, exchange);
    }
}
