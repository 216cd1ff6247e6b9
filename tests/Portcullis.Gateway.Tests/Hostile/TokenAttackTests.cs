namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>Forged, stale and misplaced tokens: each is answered 401 with a parseable challenge, and the upstream
/// never sees the request.</summary>
[Collection(HostileGatewayCollection.Name)]
public sealed class TokenAttackTests(HostileGatewayFixture gateway)
{
    public static TheoryData<string> Forgeries => new()
    {
        "alg-none", "hs256-with-rsa-public-key", "expired", "not-yet-valid", "wrong-issuer", "wrong-audience",
        "signed-by-impostor-key", "payload-swapped", "signature-stripped", "garbage",
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Send_ForgedOrStaleToken_Answers401AndNeverForwards(string forgery)
    {
        var exchange = await gateway.SendAsync("/todos/1", Forge(forgery));

        HostileAssert.Challenged(exchange);
        Assert.Empty(gateway.Pdp.AskedFor(exchange.RequestId));
        HostileAssert.NeverForwarded(gateway, exchange);
        var record = await HostileAssert.OneDecisionRecordAsync(gateway, exchange, "unauthenticated", "token_invalid");
        Assert.Null(record.Subject);
    }

    [Fact]
    public async Task Send_ValidToken_ReachesUpstream()
    {
        // The control for the forgeries: the same request with a genuine token is let through.
        var exchange = await gateway.SendAsync("/todos/1", gateway.Tokens.Valid(HostileGatewayFixture.User));

        Assert.Equal(200, exchange.Response.Status);
        Assert.Single(gateway.ForwardedFor(exchange.RequestId));
        Assert.Equal(HostileGatewayFixture.User, (await HostileAssert.OneDecisionRecordAsync(gateway, exchange, "allow")).Subject);
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("token")]
    public async Task Send_TokenInQueryString_DoesNotAuthenticate(string parameter)
    {
        var exchange = await gateway.SendAsync($"/todos/1?{parameter}={gateway.Tokens.Valid(HostileGatewayFixture.User)}");

        HostileAssert.Challenged(exchange, invalidToken: false);
        HostileAssert.NeverForwarded(gateway, exchange);
        await HostileAssert.OneDecisionRecordAsync(gateway, exchange, "unauthenticated", "token_missing");
    }

    [Fact]
    public async Task Send_TokenInFormBody_DoesNotAuthenticate()
    {
        var body = "access_token=" + gateway.Tokens.Valid(HostileGatewayFixture.User);
        var exchange = await gateway.SendAsync("/todos/1", token: null, "POST", body, ("Content-Type", "application/x-www-form-urlencoded"));

        HostileAssert.Challenged(exchange, invalidToken: false);
        HostileAssert.NeverForwarded(gateway, exchange);
        await HostileAssert.OneDecisionRecordAsync(gateway, exchange, "unauthenticated", "token_missing");
    }

    [Theory]
    [InlineData(HostileGatewayFixture.User, HostileGatewayFixture.User)]
    [InlineData(HostileGatewayFixture.User, HostileGatewayFixture.Admin)]
    public async Task Send_TwoAuthorizationHeaders_IsNeverAllowed(string first, string second)
    {
        var exchange = await gateway.SendAsync("/admin/x", token: null, "GET", null,
            ("Authorization", "Bearer " + gateway.Tokens.Valid(first)), ("Authorization", "Bearer " + gateway.Tokens.Valid(second)));

        // Refused as a malformed request for a token (RFC 6750 allows one credential only); 400 would also be acceptable.
        HostileAssert.Challenged(exchange);
        Assert.Empty(gateway.Pdp.AskedFor(exchange.RequestId));
        HostileAssert.NeverForwarded(gateway, exchange);
        await HostileAssert.OneDecisionRecordAsync(gateway, exchange, "unauthenticated", "token_invalid");
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-Padding")]
    public async Task Send_64KiBHeader_IsRefusedAndTheGatewayStaysUp(string header)
    {
        var huge = header == "Authorization" ? "Bearer " + new string('a', 64 * 1024) : new string('a', 64 * 1024);
        var exchange = await gateway.SendAsync("/todos/1", token: header == "Authorization" ? null : gateway.Tokens.Valid(HostileGatewayFixture.User),
            "GET", null, (header, huge));
        var after = await gateway.SendAsync("/todos/1", gateway.Tokens.Valid(HostileGatewayFixture.User));

        // Kestrel's header limit (32 KiB in total) answers 431 before any gateway stage runs: no decision record.
        Assert.Contains(exchange.Response.Status, new[] { 400, 401, 431 });
        HostileAssert.NeverForwarded(gateway, exchange);
        Assert.Equal(200, after.Response.Status);
        Assert.Single(gateway.ForwardedFor(after.RequestId));
    }

    private string Forge(string forgery)
    {
        var tokens = gateway.Tokens;
        const string user = HostileGatewayFixture.User;
        return forgery switch
        {
            "alg-none" => tokens.AlgNone(user),
            "hs256-with-rsa-public-key" => tokens.Hs256WithPublicKey(user),
            "expired" => tokens.WithLifetime(user, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1)),
            "not-yet-valid" => tokens.WithLifetime(user, DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(2)),
            "wrong-issuer" => tokens.FromIssuer(user, "https://issuer.attacker.example"),
            "wrong-audience" => tokens.ForAudience(user, "api://someone-else"),
            "signed-by-impostor-key" => tokens.SignedByImpostor(user),
            "payload-swapped" => tokens.WithSwappedPayload(user, HostileGatewayFixture.Admin),
            "signature-stripped" => string.Join('.', tokens.Valid(user).Split('.')[..2]) + ".",
            "garbage" => "eyJhbGciOiJSUzI1NiJ9.e30.AAAA",
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null),
        };
    }
}
