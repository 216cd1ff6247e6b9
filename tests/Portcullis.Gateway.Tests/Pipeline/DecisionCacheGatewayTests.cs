using System.Net;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>The decision cache seen from outside: how often the remote PDP is asked. Each test uses its own subjects,
/// so its requests never share a cache entry with another test's.</summary>
[Collection(FeatureGatewayCollection.Name)]
public sealed class DecisionCacheGatewayTests(FeatureGatewayFixture gateway)
{
    [Fact]
    public async Task Send_SameRequestTwice_SecondIsACacheHitAndThePdpIsAskedOnce()
    {
        var before = gateway.Pdp.Evaluations;

        using var first = await gateway.SendAsync(HttpMethod.Get, "/cached/1", "alice-hit");
        using var second = await gateway.SendAsync(HttpMethod.Get, "/cached/2", "alice-hit");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(before + 1, gateway.Pdp.Evaluations);
        Assert.False(gateway.Observed(first).CacheHit);
        Assert.True(gateway.Observed(second).CacheHit);
        Assert.Equal(gateway.Pdp.BaseAddress.AbsoluteUri, gateway.Observed(second).Pdp);
        Assert.Single(gateway.ReceivedAt("/cached/2"));
    }

    [Fact]
    public async Task Send_DeniedRequestTwice_TheDenyIsCachedToo()
    {
        var before = gateway.Pdp.Evaluations;

        using var first = await gateway.SendAsync(HttpMethod.Get, "/cached/3", "bob-deny");
        using var second = await gateway.SendAsync(HttpMethod.Get, "/cached/3", "bob-deny");

        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal(before + 1, gateway.Pdp.Evaluations);
        Assert.Equal(new ObservedFeature(GatewayOutcome.Denied, "denied", true, false, gateway.Pdp.BaseAddress.AbsoluteUri), gateway.Observed(second));
        Assert.Empty(gateway.ReceivedAt("/cached/3"));
    }

    [Fact]
    public async Task Send_AnotherSubject_MissesTheCache()
    {
        var before = gateway.Pdp.Evaluations;

        using var first = await gateway.SendAsync(HttpMethod.Get, "/cached/4", "alice-one");
        using var second = await gateway.SendAsync(HttpMethod.Get, "/cached/4", "alice-two");

        Assert.Equal(before + 2, gateway.Pdp.Evaluations);
        Assert.False(gateway.Observed(second).CacheHit);
    }

    [Fact]
    public async Task Send_AnotherMethod_MissesTheCache()
    {
        var before = gateway.Pdp.Evaluations;

        using var first = await gateway.SendAsync(HttpMethod.Get, "/cached/5", "alice-methods");
        using var second = await gateway.SendAsync(HttpMethod.Delete, "/cached/5", "alice-methods");

        Assert.Equal(before + 2, gateway.Pdp.Evaluations);
    }

    [Fact]
    public async Task Send_AfterTheTtl_AsksThePdpAgain()
    {
        var before = gateway.Pdp.Evaluations;
        using var first = await gateway.SendAsync(HttpMethod.Get, "/cached/6", "alice-ttl");

        gateway.Time.Advance(TimeSpan.FromSeconds(FeatureGatewayFixture.CacheTtlSeconds - 1));
        using var withinTtl = await gateway.SendAsync(HttpMethod.Get, "/cached/6", "alice-ttl");
        gateway.Time.Advance(TimeSpan.FromSeconds(2));
        using var afterTtl = await gateway.SendAsync(HttpMethod.Get, "/cached/6", "alice-ttl");

        Assert.True(gateway.Observed(withinTtl).CacheHit);
        Assert.False(gateway.Observed(afterTtl).CacheHit);
        Assert.Equal(HttpStatusCode.OK, afterTtl.StatusCode);
        Assert.Equal(before + 2, gateway.Pdp.Evaluations);
    }

    [Fact]
    public async Task Send_PdpFails_TheErrorIsNotCached()
    {
        var before = gateway.Pdp.Evaluations;
        gateway.Pdp.FailNext(1);

        using var failed = await gateway.SendAsync(HttpMethod.Get, "/cached/7", "alice-error");
        using var retried = await gateway.SendAsync(HttpMethod.Get, "/cached/7", "alice-error");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(gateway.Observed(retried).CacheHit);
        Assert.Equal(before + 2, gateway.Pdp.Evaluations);
        Assert.Single(gateway.ReceivedAt("/cached/7"));
    }
}
