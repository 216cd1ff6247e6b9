namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>A remote PDP that is down, too slow, or answers garbage: the gateway fails closed with 503 problem+json
/// and <c>Retry-After</c>, and the upstream never sees the request.</summary>
[Collection(HostileGatewayCollection.Name)]
public sealed class PdpFailureTests(HostileGatewayFixture gateway)
{
    public static TheoryData<string, string> Failures()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "pdp-down", "pdp-slow", "pdp-not-json", "pdp-bad-decision", "pdp-error" })
        {
            foreach (var method in new[] { "GET", "POST", "DELETE" }) data.Add(route, method);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Send_PdpFailing_Answers503WithRetryAfterAndNeverForwards(string route, string method)
    {
        var exchange = await gateway.SendAsync($"/{route}/1", gateway.Tokens.Valid(HostileGatewayFixture.Admin), method, method == "POST" ? "{}" : null);

        HostileAssert.Problem(exchange, 503);
        var retryAfter = Assert.Single(exchange.Response.Values("Retry-After"));
        Assert.True(int.TryParse(retryAfter, out var seconds) && seconds > 0, $"Retry-After '{retryAfter}' is not a positive number of seconds");
        HostileAssert.NeverForwarded(gateway, exchange);
        if (gateway.RemotePdps.TryGetValue(route, out var pdp))
        {
            // The 503 comes from the PDP's own misbehaviour, not from a failure before it was asked.
            Assert.Contains(pdp.Received, r => r.Method == "POST" && r.RequestId == exchange.RequestId);
        }
        await HostileAssert.OneDecisionRecordAsync(gateway, exchange, "unavailable", "pdp_unavailable");
    }
}
