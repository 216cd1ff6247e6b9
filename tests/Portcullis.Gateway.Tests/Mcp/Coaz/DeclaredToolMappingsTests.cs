using Portcullis.Gateway.Mcp.Coaz;
using static Portcullis.Gateway.Tests.Mcp.Coaz.CoazTestData;

namespace Portcullis.Gateway.Tests.Mcp.Coaz;

public class DeclaredToolMappingsTests
{
    private const string MappingA = """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}""";
    private const string MappingB = """{"evaluation":{"action":{"name":"b"},"resource":{"type":"r","id":"1"}}}""";

    [Fact]
    public void FromToolsList_KeepsOnlyToolsThatDeclareAMapping()
    {
        var tools = DeclaredToolMappings.FromToolsList(Json($$$"""
            {"tools":[{"name":"x","inputSchema":{"type":"object","x-authzen-mapping":{{{MappingA}}}}},
                      {"name":"y","inputSchema":{"type":"object"}},{"name":"z"},{"inputSchema":{}},"junk"],"nextCursor":"c"}
            """));

        Assert.Equal(1, tools.Count);
        Assert.True(tools.TryGet("x", out var x) && x.Succeeded);
        Assert.False(tools.TryGet("y", out _));
        Assert.False(tools.TryGet("X", out _));
    }

    [Fact]
    public void With_AnotherPage_AddsAndARelistedToolReplaces()
    {
        var first = DeclaredToolMappings.FromToolsList(Json($$$"""{"tools":[{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingA}}}}}]}"""));
        var second = first.With(Json($$$"""{"tools":[{"name":"w","inputSchema":{"x-authzen-mapping":{{{MappingA}}}}}]}"""));
        var refreshed = second.With(Json($$$"""{"tools":[{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingB}}}}},{"name":"w","inputSchema":{}}]}"""));

        Assert.Equal(2, second.Count);
        Assert.Equal(1, first.Count);
        Assert.Equal("b", Mapper.Map("tools/call", Json("""{"name":"x"}"""), Alice, refreshed).Evaluation!.Action!.Name);
        Assert.False(refreshed.TryGet("w", out _));
    }

    [Fact]
    public void FromToolsList_SameNameTwiceWithDifferentMappings_IsAnErrorForThatTool()
    {
        var tools = DeclaredToolMappings.FromToolsList(Json($$$"""
            {"tools":[{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingA}}}}},{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingB}}}}}]}
            """));

        AssertMappingError("listed more than once", Mapper.Map("tools/call", Json("""{"name":"x"}"""), Alice, tools));
    }

    [Fact]
    public void FromToolsList_SameNameTwiceWithoutThenWithAMapping_IsAnErrorForThatTool()
    {
        var tools = DeclaredToolMappings.FromToolsList(Json($$$"""
            {"tools":[{"name":"x","inputSchema":{}},{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingB}}}}}]}
            """));

        AssertMappingError("listed more than once", Mapper.Map("tools/call", Json("""{"name":"x"}"""), Alice, tools));
    }

    [Fact]
    public void FromToolsList_NotAToolsResult_IsEmpty()
    {
        Assert.Equal(0, DeclaredToolMappings.FromToolsList(Json("""{"resources":[]}""")).Count);
        Assert.Equal(0, DeclaredToolMappings.FromToolsList(Json("[]")).Count);
    }
}
