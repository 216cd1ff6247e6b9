using System.Text.Json;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Tests.Authentication;

namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>The assertions every hostile test makes about what a client and the upstream saw.</summary>
internal static class HostileAssert
{
    /// <summary>How long a decision record may trail its response (records are written after the response is sent).</summary>
    private static readonly TimeSpan RecordPatience = TimeSpan.FromSeconds(5);

    /// <summary>Asserts a 401 whose single <c>WWW-Authenticate</c> is a parseable Bearer challenge, with
    /// <c>error="invalid_token"</c> when <paramref name="invalidToken"/>.</summary>
    public static void Challenged(HostileExchange exchange, bool invalidToken = true)
    {
        Assert.Equal(401, exchange.Response.Status);
        var (scheme, parameters) = ChallengeParser.Parse(Assert.Single(exchange.Response.Values("WWW-Authenticate")));
        Assert.Equal("Bearer", scheme);
        if (invalidToken) Assert.Equal("invalid_token", parameters["error"]);
        else Assert.False(parameters.ContainsKey("error"));
        Problem(exchange, 401);
    }

    /// <summary>Asserts an RFC 9457 problem response with <paramref name="status"/> that names the request id.</summary>
    public static void Problem(HostileExchange exchange, int status)
    {
        Assert.Equal(status, exchange.Response.Status);
        Assert.StartsWith("application/problem+json", Assert.Single(exchange.Response.Values("Content-Type")), StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(exchange.Response.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(exchange.RequestId, problem.RootElement.GetProperty("request_id").GetString());
    }

    /// <summary>Asserts the upstream never received the request.</summary>
    public static void NeverForwarded(HostileGatewayFixture gateway, HostileExchange exchange) =>
        Assert.Empty(gateway.ForwardedFor(exchange.RequestId));

    /// <summary>Asserts the request left exactly one decision record, with its request id, the status the client got
    /// and, when given, the <paramref name="decision"/> and <paramref name="reason"/>.</summary>
    public static async Task<DecisionRecord> OneDecisionRecordAsync(HostileGatewayFixture gateway, HostileExchange exchange, string? decision = null, string? reason = null)
    {
        var records = await gateway.Records.RecordsForAsync(exchange.RequestId, RecordPatience);
        var record = Assert.Single(records);
        Assert.Equal(exchange.Response.Status, record.Status);
        if (decision is not null) Assert.Equal(decision, record.Decision);
        if (reason is not null) Assert.Equal(reason, record.Reason);
        return record;
    }
}
