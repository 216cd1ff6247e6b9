using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Observability;

/// <summary>The stage activities a tracing backend would receive from a real gateway.</summary>
public sealed class TracingTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Send_Allowed_AuthenticateThenDecideActivitiesTaggedWithRouteAndDecisionButNoToken()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(stopped);
        var token = gateway.Token("alice");

        using var response = await gateway.SendAsync(HttpMethod.Get, "/todos/trace-allow", subject: null, r =>
        {
            r.Headers.Authorization = new("Bearer", token);
            r.Headers.Add("X-Request-ID", "trace-allow-1");
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await gateway.Records.WaitForAsync("trace-allow-1");

        var mine = stopped.Where(a => (string?)a.GetTagItem("portcullis.request_id") == "trace-allow-1").ToList();
        var authenticate = Assert.Single(mine, a => a.OperationName == "authenticate");
        var decide = Assert.Single(mine, a => a.OperationName == "decide");
        Assert.Equal("todos", authenticate.GetTagItem("portcullis.route"));
        Assert.Equal("todos", decide.GetTagItem("portcullis.route"));
        Assert.Equal("allow", decide.GetTagItem("portcullis.decision"));
        Assert.Equal(false, decide.GetTagItem("portcullis.cache_hit"));
        Assert.True(authenticate.StartTimeUtc + authenticate.Duration <= decide.StartTimeUtc, "authenticate ends before decide starts");
        Assert.DoesNotContain(mine.SelectMany(a => a.TagObjects), t => t.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Send_Denied_DecideActivityTaggedDeny()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(stopped);

        using var response = await gateway.SendAsync(HttpMethod.Get, "/todos/trace-deny", "bob", r => r.Headers.Add("X-Request-ID", "trace-deny-1"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await gateway.Records.WaitForAsync("trace-deny-1");

        var decide = Assert.Single(stopped, a => a.OperationName == "decide" && (string?)a.GetTagItem("portcullis.request_id") == "trace-deny-1");
        Assert.Equal("deny", decide.GetTagItem("portcullis.decision"));
        Assert.Equal("denied", decide.GetTagItem("portcullis.reason"));
    }

    private static ActivityListener Listen(ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Portcullis.Gateway",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
