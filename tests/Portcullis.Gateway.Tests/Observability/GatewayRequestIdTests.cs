using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Observability;

public sealed class GatewayRequestIdTests
{
    [Fact]
    public void New_ManyIds_AreAll32LowercaseHexDigitsAndDistinct()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => GatewayRequestId.New()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task New_OnManyThreadsAtOnce_StaysDistinct()
    {
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 2_000).Select(_ => GatewayRequestId.New()).ToList())));

        var all = batches.SelectMany(batch => batch).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }
}
