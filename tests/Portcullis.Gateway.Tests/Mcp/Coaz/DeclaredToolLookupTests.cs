using Portcullis.Gateway.Mcp.Coaz;
using static Portcullis.Gateway.Tests.Mcp.Coaz.CoazTestData;

namespace Portcullis.Gateway.Tests.Mcp.Coaz;

/// <summary>The declared mappings <see cref="CoazMapper"/> reads through <see cref="DeclaredToolLookup"/>, learned from
/// tools/list answers by the gateway's store.</summary>
public class DeclaredToolLookupTests
{
    private const string MappingA = """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}""";
    private const string MappingB = """{"evaluation":{"action":{"name":"b"},"resource":{"type":"r","id":"1"}}}""";

    [Fact]
    public void FromToolsList_KeepsOnlyToolsThatDeclareAMapping()
    {
        var tools = FromToolsList(Json($$$"""
            {"tools":[{"name":"x","inputSchema":{"type":"object","x-authzen-mapping":{{{MappingA}}}}},
                      {"name":"y","inputSchema":{"type":"object"}},{"name":"z"},{"inputSchema":{}},"junk"]}
            """));

        Assert.True(tools.TryGet("x", out var x) && x.Succeeded);
        Assert.False(tools.TryGet("z", out _));
        Assert.False(tools.TryGet("y", out _));
        Assert.False(tools.TryGet("X", out _));
    }

    [Fact]
    public void AnotherPage_AddsAndARelistedToolReplaces()
    {
        var store = new Portcullis.Gateway.Mcp.Discovery.DeclaredMappingStore<CoazMappingCompileResult>(CoazMapping.Compile);
        var tools = new DeclaredToolLookup(store, "u");
        store.Observe("u", Json($$$"""{"tools":[{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingA}}}}}],"nextCursor":"2"}"""), firstPage: true);
        store.Observe("u", Json($$$"""{"tools":[{"name":"w","inputSchema":{"x-authzen-mapping":{{{MappingA}}}}}]}"""), firstPage: false);
        var bothPages = tools.TryGet("x", out _) && tools.TryGet("w", out _);
        store.Observe("u", Json($$$"""{"tools":[{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingB}}}}},{"name":"w","inputSchema":{}}]}"""), firstPage: true);

        Assert.True(bothPages);
        Assert.Equal("b", Mapper.Map("tools/call", Json("""{"name":"x"}"""), Alice, tools).Evaluation!.Action!.Name);
        Assert.False(tools.TryGet("w", out _));
    }

    [Fact]
    public void FromToolsList_SameNameTwiceWithDifferentMappings_IsAnErrorForThatTool()
    {
        var tools = FromToolsList(Json($$$"""
            {"tools":[{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingA}}}}},{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingB}}}}}]}
            """));

        AssertMappingError("listed more than once", Mapper.Map("tools/call", Json("""{"name":"x"}"""), Alice, tools));
    }

    [Fact]
    public void FromToolsList_SameNameTwiceWithoutThenWithAMapping_IsAnErrorForThatTool()
    {
        var tools = FromToolsList(Json($$$"""
            {"tools":[{"name":"x","inputSchema":{}},{"name":"x","inputSchema":{"x-authzen-mapping":{{{MappingB}}}}}]}
            """));

        AssertMappingError("listed more than once", Mapper.Map("tools/call", Json("""{"name":"x"}"""), Alice, tools));
    }

    [Fact]
    public void FromToolsList_NotAToolsResult_IsEmpty()
    {
        Assert.False(FromToolsList(Json("""{"resources":[{"name":"x"}]}""")).TryGet("x", out _));
        Assert.False(FromToolsList(Json("[]")).TryGet("x", out _));
    }
}
