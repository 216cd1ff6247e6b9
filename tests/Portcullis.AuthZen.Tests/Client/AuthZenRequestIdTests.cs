using Portcullis.AuthZen.Client;

namespace Portcullis.AuthZen.Tests.Client;

public sealed class AuthZenRequestIdTests
{
    [Fact]
    public async Task EvaluateAsync_AmbientRequestId_SentToThePdp()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        using var client = Requests.Client(pdp.BaseAddress, o => o.UseDiscovery = false);

        AuthZenRequestId.Current = "req-42";
        await client.EvaluateAsync(Requests.Read("a", "b"));
        AuthZenRequestId.Current = null;
        await client.EvaluateAsync(Requests.Read("a", "b"));

        Assert.Equal(["req-42", null], pdp.Received.Select(r => r.RequestId));
    }

    [Fact]
    public async Task EvaluateManyAsync_ExplicitRequestId_SentToThePdp()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json("""{"evaluations":[{"decision":true}]}""");
        using var client = Requests.Client(pdp.BaseAddress, o => o.UseDiscovery = false);

        await client.EvaluateManyAsync(new() { Evaluations = [new() { Subject = new() { Type = "u", Id = "a" } }] }, "batch-7");

        Assert.Equal("batch-7", Assert.Single(pdp.Received).RequestId);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("with space")]
    [InlineData("")]
    public async Task EvaluateAsync_RequestIdNotAHeaderValue_NotSent(string id)
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        using var client = Requests.Client(pdp.BaseAddress, o => o.UseDiscovery = false);

        var decision = await client.EvaluateAsync(Requests.Read("a", "b"), id);

        Assert.True(decision.Decision);
        Assert.Null(Assert.Single(pdp.Received).RequestId);
    }
}
