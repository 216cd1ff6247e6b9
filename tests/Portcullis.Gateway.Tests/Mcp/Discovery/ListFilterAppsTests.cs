using Portcullis.Gateway.Mcp.Discovery;
using static Portcullis.Gateway.Tests.Mcp.Discovery.ListFilterTestData;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

/// <summary>MCP Apps (io.modelcontextprotocol/ui): a listed tool keeps its UI link only when the caller may read it.</summary>
public sealed class ListFilterAppsTests
{
    private const string ChartTool = """{"name":"public_chart","inputSchema":{"type":"object"},"_meta":{"ui":{"resourceUri":"ui://apps/secret.html","visibility":["model","app"]},"ui/resourceUri":"ui://apps/secret.html","vendor/x":1}}""";
    private const string MapTool = """{"name":"public_map","_meta":{"ui":{"resourceUri":"ui://apps/public.html"}}}""";
    private readonly ListFilter filter = new(DiscoveryPolicies.Pdp());

    [Fact]
    public async Task UiResourceTheCallerMayNotRead_LinkRemovedToolKept()
    {
        var result = await filter.FilterAsync(DiscoveryList.Tools, Parse("""{"tools":[""" + ChartTool + "," + MapTool + "]}"), Bob, null);

        var tools = Output(result).GetProperty("tools");
        Assert.Equal("""{"name":"public_chart","inputSchema":{"type":"object"},"_meta":{"ui":{"visibility":["model","app"]},"vendor/x":1}}""", tools[0].GetRawText());
        Assert.Equal(MapTool, tools[1].GetRawText());
        Assert.Equal(2, result.UiLinksRemoved);
    }

    [Fact]
    public async Task UiResourceTheCallerMayRead_ToolUnchanged()
    {
        var result = await filter.FilterAsync(DiscoveryList.Tools, Parse("""{"tools":[""" + ChartTool + "]}"), Alice, null);

        Assert.Equal(ChartTool, Output(result).GetProperty("tools")[0].GetRawText());
        Assert.Equal(0, result.UiLinksRemoved);
    }

    [Fact]
    public async Task UiChecks_GoInTheSameSingleCall_OncePerDistinctUri()
    {
        var pdp = new CountingPdp();
        var upstream = Parse("""{"tools":[""" + ChartTool + "," + MapTool + """,{"name":"other","_meta":{"ui":{"resourceUri":"ui://apps/public.html"}}}]}""");

        await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, upstream, Bob, null);

        Assert.Equal(1, pdp.EvaluationsCalls);
        Assert.Equal(
            ["tool:public_chart", "resource:ui://apps/secret.html", "tool:public_map", "resource:ui://apps/public.html", "tool:other"],
            pdp.LastRequest!.Evaluations!.Select(i => i.Resource!.Type + ":" + i.Resource.Id));
        Assert.All(pdp.LastRequest.Evaluations!.Where(i => i.Resource!.Type == "resource"), i => Assert.Equal("resources/read", i.Action!.Name));
    }

    [Fact]
    public async Task DeniedTool_RemovedWhateverItsUi()
    {
        var tool = """{"name":"admin_panel","_meta":{"ui":{"resourceUri":"ui://apps/public.html"}}}""";

        var result = await filter.FilterAsync(DiscoveryList.Tools, Parse("""{"tools":[""" + tool + "]}"), Bob, null);

        Assert.Empty(Keys(result));
    }

    [Theory]
    [InlineData("""{"name":"public_x","_meta":{"ui":{"resourceUri":"ui://apps/public.html"}},"_meta":{}}""")]
    [InlineData("""{"name":"public_x","_meta":{"ui":{"resourceUri":"ui://apps/public.html"},"ui":{}}}""")]
    [InlineData("""{"name":"public_x","_meta":{"ui":{"resourceUri":"ui://apps/public.html","resourceUri":"ui://apps/secret.html"}}}""")]
    public async Task AmbiguousUiMembers_ToolRemoved(string tool)
    {
        var result = await filter.FilterAsync(DiscoveryList.Tools, Parse("""{"tools":[""" + tool + "]}"), Alice, null);

        Assert.Empty(Keys(result));
    }
}
