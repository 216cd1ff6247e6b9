using Microsoft.Extensions.Time.Testing;
using Portcullis.Gateway.Decisions;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Tests.Decisions;

public sealed class DecisionCacheTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void TryGet_AfterSet_ReturnsTheDecisionUntilTheTtlPasses()
    {
        var cache = new DecisionCache(10, time);
        cache.Set(Key("a"), allowed: false, Minute);

        Assert.True(cache.TryGet(Key("a"), Minute, out var allowed));
        Assert.False(allowed);
        time.Advance(Minute);
        Assert.False(cache.TryGet(Key("a"), Minute, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TryGet_AnotherPdp_Misses()
    {
        var cache = new DecisionCache(10, time);
        cache.Set(Key("a", "embedded"), allowed: true, Minute);

        Assert.False(cache.TryGet(Key("a", "AuthZen|http://pdp/|"), Minute, out _));
    }

    [Fact]
    public void TryGet_AnotherPolicyVersion_MissesUntilDecidedAgain()
    {
        var cache = new DecisionCache(10, time);
        object before = new(), after = new();
        cache.Set(Key("a"), allowed: true, Minute, before);

        Assert.True(cache.TryGet(Key("a"), Minute, out _, before));
        Assert.False(cache.TryGet(Key("a"), Minute, out _, after));
        cache.Set(Key("a"), allowed: false, Minute, after);
        Assert.True(cache.TryGet(Key("a"), Minute, out var allowed, after));
        Assert.False(allowed);
    }

    [Fact]
    public void TryGet_RouteWithAShorterTtl_DoesNotUseAnOlderEntry()
    {
        var cache = new DecisionCache(10, time);
        cache.Set(Key("a"), allowed: true, TimeSpan.FromMinutes(10));
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(cache.TryGet(Key("a"), TimeSpan.FromSeconds(10), out _));
        Assert.True(cache.TryGet(Key("a"), Minute, out _));
    }

    [Fact]
    public void Set_ZeroTtlOrZeroBound_StoresNothing()
    {
        var off = new DecisionCache(0, time);
        off.Set(Key("a"), allowed: true, Minute);
        var on = new DecisionCache(10, time);
        on.Set(Key("a"), allowed: true, TimeSpan.Zero);

        Assert.False(off.TryGet(Key("a"), Minute, out _));
        Assert.False(on.TryGet(Key("a"), Minute, out _));
    }

    [Fact]
    public void Set_BeyondTheBound_EvictsAndNeverGrowsPastIt()
    {
        var cache = new DecisionCache(100, time);

        for (var i = 0; i < 1000; i++) cache.Set(Key($"k{i}"), allowed: true, Minute);

        Assert.InRange(cache.Count, 1, 100);
        Assert.True(cache.TryGet(Key("k999"), Minute, out _));
    }

    [Fact]
    public void Set_WhenFull_DropsExpiredEntriesFirst()
    {
        var cache = new DecisionCache(10, time);
        for (var i = 0; i < 5; i++) cache.Set(Key($"old{i}"), allowed: true, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++) cache.Set(Key($"new{i}"), allowed: true, Minute);
        time.Advance(TimeSpan.FromSeconds(2));

        cache.Set(Key("newest"), allowed: true, Minute);

        Assert.Equal(6, cache.Count);
        for (var i = 0; i < 5; i++) Assert.True(cache.TryGet(Key($"new{i}"), Minute, out _));
    }

    [Fact]
    public async Task SetAndTryGet_FromManyThreads_StayWithinTheBound()
    {
        var cache = new DecisionCache(50, time);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                cache.Set(Key($"{t}-{i}"), allowed: i % 2 == 0, Minute);
                cache.TryGet(Key($"{t}-{i / 2}"), Minute, out _);
            }
        })));

        Assert.InRange(cache.Count, 0, 50 + 8);
    }

    private static DecisionCacheKey Key(string request, string pdp = "embedded") => new(pdp, new CanonicalRequestKey(request));
}
