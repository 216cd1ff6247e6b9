using Microsoft.Extensions.Time.Testing;
using Portcullis.AuthZen.Client;

namespace Portcullis.AuthZen.Tests.Client;

/// <summary>After repeated failures the breaker opens and calls fail fast without reaching the PDP; after the break
/// duration one trial call goes through and, when it succeeds, the breaker closes.</summary>
public sealed class AuthZenCircuitBreakerTests
{
    private const int Threshold = 3;
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task EvaluateAsync_RepeatedFailures_OpensThenFailsFastThenHalfOpensAndCloses()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json("{}", 503);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var client = Client(pdp, time);

        for (var n = 0; n < Threshold; n++)
        {
            var failure = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());
            Assert.Equal(PdpFailureKind.HttpStatus, failure.Kind);
        }
        var open = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());
        var callsWhileOpen = pdp.Count("POST", "/access/v1/evaluation");

        Assert.Equal(PdpFailureKind.CircuitOpen, open.Kind);
        Assert.True(client.IsCircuitOpen);
        Assert.Equal(Threshold, callsWhileOpen);

        pdp.Handler = ScriptedPdpServer.Json("""{"decision":true}""");
        time.Advance(BreakDuration + TimeSpan.FromSeconds(1));
        var trial = await client.EvaluateAsync(Requests.Read("a", "a"));

        Assert.True(trial.Decision);
        Assert.False(client.IsCircuitOpen);
        Assert.True((await client.EvaluateAsync(Requests.Read("a", "a"))).Decision);
    }

    [Fact]
    public async Task EvaluateAsync_TrialCallFails_OpensAgain()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json("not json");
        var time = new FakeTimeProvider();
        using var client = Client(pdp, time);
        for (var n = 0; n < Threshold; n++)
        {
            await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());
        }

        time.Advance(BreakDuration + TimeSpan.FromSeconds(1));
        var trial = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());
        var after = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Equal(PdpFailureKind.InvalidResponse, trial.Kind);
        Assert.Equal(PdpFailureKind.CircuitOpen, after.Kind);
    }

    [Fact]
    public async Task EvaluateAsync_RepeatedBadRequestAnswers_BreakerStaysClosed()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json("""{"error":"bad"}""", 400);
        using var client = Client(pdp, new FakeTimeProvider());

        for (var n = 0; n < Threshold * 2; n++)
        {
            var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());
            Assert.Equal(PdpFailureKind.HttpStatus, e.Kind);
        }

        Assert.False(client.IsCircuitOpen);
    }

    private static AuthZenHttpClient Client(ScriptedPdpServer pdp, TimeProvider time) => Requests.Client(pdp.BaseAddress, o =>
    {
        o.UseDiscovery = false;
        o.TimeProvider = time;
        o.BreakerMinimumThroughput = Threshold;
        o.BreakerFailureRatio = 1.0;
        o.BreakerBreakDuration = BreakDuration;
    });
}
