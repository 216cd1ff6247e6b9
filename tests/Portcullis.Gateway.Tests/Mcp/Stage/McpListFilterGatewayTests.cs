using Portcullis.AuthZen.Server;
using static Portcullis.Gateway.Tests.Mcp.Stage.McpStageGatewayFixture;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>Per-caller discovery through a real gateway: a list response is filtered for the caller with one AuthZEN
/// Access Evaluations call, whether the server answers in JSON or as an event stream; a 100-tool list costs one call.</summary>
[Collection(McpStageGatewayCollection.Name)]
public sealed class McpListFilterGatewayTests(McpStageGatewayFixture gateway)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ToolsList_JsonOrEventStream_FilteredWithOneEvaluationsCall(bool sse)
    {
        var reply = await gateway.ListToolsAsync(sse: sse);

        Assert.Equal(sse ? "text/event-stream" : "application/json", reply.MediaType);
        Assert.Equal(McpStageTools.MainNames.Where(n => n != "delete_file"), McpAssert.ToolNames(reply.Single));
        var calls = gateway.Pdp.CallsFor(reply.RequestId);
        Assert.Equal([PdpCallKind.Evaluation, PdpCallKind.Evaluations], calls.Select(c => c.Kind));
        Assert.Equal("tools/list", calls[0].Request["action"]!["name"]!.GetValue<string>());
        Assert.Equal(McpStageTools.MainNames.Length, calls[1].Request["evaluations"]!.AsArray().Count);
        Assert.Equal("alice", calls[1].Request["subject"]!["id"]!.GetValue<string>());
        McpAssert.ForwardedOnce(gateway, reply);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HundredTools_FilteringCostsExactlyOnePdpCall(bool sse)
    {
        var reply = await gateway.ListToolsAsync(BigPath, gateway.Token(audience: ResourceOf(BigPath)), sse);

        var names = McpAssert.ToolNames(reply.Single);
        Assert.Equal(50, names.Count);
        Assert.All(names, name => Assert.StartsWith("open_", name, StringComparison.Ordinal));
        var calls = gateway.Pdp.CallsFor(reply.RequestId);
        // One call authorizes the tools/list request itself; filtering the 100 tools is exactly one more.
        Assert.Equal([PdpCallKind.Evaluation, PdpCallKind.Evaluations], calls.Select(c => c.Kind));
        Assert.Equal(100, calls[1].Request["evaluations"]!.AsArray().Count);
    }

    [Fact]
    public async Task HundredTools_RemotePdp_FilteringIsOneHttpRequestToAccessEvaluations()
    {
        var before = gateway.CountingPdp.Received.Count(r => r.Method == "POST");

        var reply = await gateway.ListToolsAsync(CountPath, gateway.Token(audience: ResourceOf(CountPath)));

        Assert.Equal(100, McpAssert.ToolNames(reply.Single).Count);
        var posts = gateway.CountingPdp.Received.Where(r => r.Method == "POST").Skip(before).Select(r => r.Path).ToList();
        Assert.Equal([AuthZenPaths.Evaluation, AuthZenPaths.Evaluations], posts);
    }
}
