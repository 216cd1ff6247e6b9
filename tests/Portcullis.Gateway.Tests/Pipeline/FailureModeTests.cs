using System.Net;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>Routes whose PDP is down: fail closed (the default, 503) or fail open (forwarded, flagged and logged).</summary>
[Collection(FeatureGatewayCollection.Name)]
public sealed class FailureModeTests(FeatureGatewayFixture gateway)
{
    [Fact]
    public async Task Send_FailOpenRouteWithThePdpDown_ForwardsFlagsAndLogsAWarning()
    {
        using var response = await gateway.SendAsync(HttpMethod.Post, "/failopen/1", "bob-anyone");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(gateway.ReceivedAt("/failopen/1"));
        var observed = gateway.Observed(response);
        Assert.Equal(GatewayOutcome.Allowed, observed.Outcome);
        Assert.Equal("fail_open", observed.Reason);
        Assert.True(observed.FailOpen);
        var requestId = Assert.Single(response.Headers.GetValues("X-Request-ID"));
        Assert.Contains(gateway.Logs.Entries, e => e.Level == LogLevel.Warning && e.EventId == 4105
            && e.Message.Contains(requestId, StringComparison.Ordinal) && e.Message.Contains("failopen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_FailClosedRouteWithThePdpDown_Answers503AndNeverForwards()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/failclosed/1", "alice-closed");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(gateway.ReceivedAt("/failclosed/1"));
        Assert.False(gateway.Observed(response).FailOpen);
        Assert.Equal("pdp_unavailable", gateway.Observed(response).Reason);
    }

    [Fact]
    public async Task Send_FailOpenRouteMappingFails_StillAnswers403()
    {
        // The route takes the subject from a claim the token lacks: a mapping failure is not a PDP failure.
        using var response = await gateway.SendAsync(HttpMethod.Get, "/failopen-mapping/1", "alice-unmapped");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(gateway.ReceivedAt("/failopen-mapping/1"));
        Assert.False(gateway.Observed(response).FailOpen);
    }
}
