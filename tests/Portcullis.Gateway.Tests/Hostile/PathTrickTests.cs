namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>Path tricks: the route template the PDP decides on must be the one the upstream serves, whoever reads
/// the path. <c>/public/{**rest}</c> is anonymous, <c>/admin/{**rest}</c> is only for root.</summary>
/// <remarks>What the gateway does with each (found with these tests): Kestrel removes dot segments after decoding
/// <c>%2E</c>, so <c>/public/%2e%2e/admin/x</c> is routed, decided and forwarded as <c>/admin/x</c>. <c>%2F</c> stays
/// encoded in the path, and YARP forwards it re-encoded as <c>%252F</c>. Backslashes, <c>%5C</c>, <c>..;</c> and
/// double-encoded dots would pass as <c>/public</c> and can be read as <c>/admin</c> by IIS, Tomcat or a WHATWG URL
/// parser, so the gateway refuses any path hiding a dot segment (400). Routing is case-insensitive: <c>/ADMIN/x</c> is
/// decided as <c>/admin/{**rest}</c> and forwarded as sent. A trailing dot (<c>/admin./x</c>) and <c>//admin</c> match
/// no route (404); <c>%00</c> is refused by Kestrel (400) before the gateway runs.</remarks>
[Collection(HostileGatewayCollection.Name)]
public sealed class PathTrickTests(HostileGatewayFixture gateway)
{
    public static TheoryData<string, string> Targets()
    {
        string[] targets =
        [
            "/public/../admin/x", "/public/%2e%2e/admin/x", "/public/%2E%2E/admin/x", "/public/.%2e/admin/x",
            "/public/..%2Fadmin/x", "/public/%2e%2e%2fadmin/x", "/public/..%5Cadmin/x", "/public/..\\admin/x", "/public\\..\\admin/x",
            "/public/..;/admin/x", "/public/%252e%252e/admin/x", "/public/%25252e%25252e/admin/x", "/public%2F..%2Fadmin/x",
            "//admin/x", "/public//admin/x", "/admin//x", "/ADMIN/x", "/Admin/X", "/PUBLIC/../ADMIN/x", "/admin./x", "/public./x",
            "/public/%C0%AE%C0%AE/admin/x", "/public/%c0%af..%c0%afadmin/x", "/todos/1%2F..%2F..%2Fadmin%2Fx", "/todos/..",
            "/todos/1/..", "/admin/x/../../public/y", "/public/x?next=../../admin/x", "/todos/a%20b", "/todos/%E2%82%AC",
        ];
        var data = new TheoryData<string, string>();
        foreach (var target in targets)
        {
            data.Add(HostileGatewayFixture.User, target);
            data.Add(HostileGatewayFixture.Admin, target);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Send_PathTrick_UpstreamServesOnlyTheTemplateThatWasDecided(string subject, string target)
    {
        var exchange = await gateway.SendAsync(target, gateway.Tokens.Valid(subject));

        var asked = gateway.Pdp.AskedFor(exchange.RequestId);
        var forwarded = gateway.ForwardedFor(exchange.RequestId);
        Assert.True(asked.Count <= 1, "the PDP was asked more than once");
        await HostileAssert.OneDecisionRecordAsync(gateway, exchange);
        if (exchange.Response.Status != 200)
        {
            Assert.Contains(exchange.Response.Status, new[] { 400, 403, 404 });
            Assert.Empty(forwarded);
            return;
        }

        // Decided on the PDP's template, or on the anonymous route when the PDP was not asked.
        var decided = asked.Count == 1 ? asked[0].Resource!.Id : "/public/{**rest}";
        var received = Assert.Single(forwarded);
        foreach (var reading in UpstreamPathReadings.Of(received))
        {
            var template = UpstreamPathReadings.TemplateOf(reading);
            Assert.True(template is null || template == decided,
                $"authorized as {decided} but the upstream may read '{received.RawTarget}' as '{reading}' ({template})");
        }
        Assert.Contains(UpstreamPathReadings.Of(received), reading => UpstreamPathReadings.TemplateOf(reading) == decided);
    }

    [Theory]
    [InlineData("/public/../admin/x")]
    [InlineData("/public/%2e%2e/admin/x")]
    [InlineData("/public/.%2E/admin/x")]
    public async Task Send_DotSegmentsOutOfPublic_AreDecidedAsAdmin(string target)
    {
        var user = await gateway.SendAsync(target, gateway.Tokens.Valid(HostileGatewayFixture.User));
        var admin = await gateway.SendAsync(target, gateway.Tokens.Valid(HostileGatewayFixture.Admin));

        HostileAssert.Problem(user, 403);
        Assert.Equal("/admin/{**rest}", Assert.Single(gateway.Pdp.AskedFor(user.RequestId)).Resource!.Id);
        HostileAssert.NeverForwarded(gateway, user);
        Assert.Equal(200, admin.Response.Status);
        Assert.Equal("/admin/{**rest}", Assert.Single(gateway.Pdp.AskedFor(admin.RequestId)).Resource!.Id);
        Assert.Equal("/admin/x", Assert.Single(gateway.ForwardedFor(admin.RequestId)).Path);
        await HostileAssert.OneDecisionRecordAsync(gateway, user, "deny", "denied");
        await HostileAssert.OneDecisionRecordAsync(gateway, admin, "allow");
    }

    [Theory]
    [InlineData("/public/..%5Cadmin/x")]
    [InlineData("/public/..\\admin/x")]
    [InlineData("/public/..;/admin/x")]
    [InlineData("/public/..%2Fadmin/x")]
    [InlineData("/public/%252e%252e/admin/x")]
    [InlineData("/todos/1%2F..%2F..%2Fadmin%2Fx")]
    public async Task Send_HiddenDotSegment_Answers400AndNeverForwards(string target)
    {
        var anonymous = await gateway.SendAsync(target);
        var user = await gateway.SendAsync(target, gateway.Tokens.Valid(HostileGatewayFixture.User));

        foreach (var exchange in new[] { anonymous, user })
        {
            HostileAssert.Problem(exchange, 400);
            Assert.Empty(gateway.Pdp.AskedFor(exchange.RequestId));
            HostileAssert.NeverForwarded(gateway, exchange);
            await HostileAssert.OneDecisionRecordAsync(gateway, exchange, "deny", "ambiguous_path");
        }
    }

    [Theory]
    [InlineData("/ADMIN/x")]
    [InlineData("/aDmIn/x")]
    public async Task Send_MixedCase_IsDecidedAsTheRouteTemplateAndForwardedAsSent(string target)
    {
        var user = await gateway.SendAsync(target, gateway.Tokens.Valid(HostileGatewayFixture.User));
        var admin = await gateway.SendAsync(target, gateway.Tokens.Valid(HostileGatewayFixture.Admin));

        HostileAssert.Problem(user, 403);
        HostileAssert.NeverForwarded(gateway, user);
        Assert.Equal(200, admin.Response.Status);
        Assert.Equal("/admin/{**rest}", Assert.Single(gateway.Pdp.AskedFor(admin.RequestId)).Resource!.Id);
        Assert.Equal(target, Assert.Single(gateway.ForwardedFor(admin.RequestId)).Path);
        await HostileAssert.OneDecisionRecordAsync(gateway, user, "deny", "denied");
        await HostileAssert.OneDecisionRecordAsync(gateway, admin, "allow");
    }

    [Theory]
    [InlineData("/admin./x")]
    [InlineData("//admin/x")]
    [InlineData("/public\\..\\admin/x")]
    public async Task Send_PathMatchingNoRoute_Answers404AndNeverForwards(string target)
    {
        var exchange = await gateway.SendAsync(target, gateway.Tokens.Valid(HostileGatewayFixture.Admin));

        Assert.Equal(404, exchange.Response.Status);
        Assert.Empty(gateway.Pdp.AskedFor(exchange.RequestId));
        HostileAssert.NeverForwarded(gateway, exchange);
        await HostileAssert.OneDecisionRecordAsync(gateway, exchange, "no_route");
    }

    [Theory]
    [InlineData("/public/x%00")]
    [InlineData("/admin%00/x")]
    public async Task Send_EncodedNul_IsRefusedBeforeTheGateway(string target)
    {
        // Kestrel refuses these while parsing the request line: no gateway stage runs, so there is no decision record.
        var exchange = await gateway.SendAsync(target, gateway.Tokens.Valid(HostileGatewayFixture.Admin));

        Assert.Equal(400, exchange.Response.Status);
        HostileAssert.NeverForwarded(gateway, exchange);
    }
}
