using System.Text.Json;
using Portcullis.Gateway.Mcp.Discovery;
using static Portcullis.Gateway.Tests.Mcp.Discovery.ListFilterTestData;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

public sealed class DeclaredMappingStoreTests
{
    private const string Upstream = "expenses";
    private const string CustomerMapping = """{"evaluation":{"subject":{"type":"identity","id":"$token.sub"},"action":{"name":"get_customer"},"resource":{"type":"customer","id":"$params.arguments.id"}}}""";
    private int compiles;

    private DeclaredMappingStore<string> NewStore(DeclaredMappingLimits? limits = null) => new(mapping =>
    {
        Interlocked.Increment(ref compiles);
        if (mapping.TryGetProperty("broken", out _)) throw new FormatException("the envelope is neither evaluation nor evaluations");
        return "compiled:" + mapping.GetRawText();
    }, limits);

    private static string Tool(string name, string? mapping = null, string? ui = null) =>
        $"{{\"name\":\"{name}\",\"inputSchema\":{{\"type\":\"object\"{(mapping is null ? "" : ",\"x-authzen-mapping\":" + mapping)}}}{(ui is null ? "" : $",\"_meta\":{{\"ui\":{{\"resourceUri\":\"{ui}\"}}}}")}}}";

    private static JsonElement Page(string? nextCursor, params string[] tools) =>
        Parse("{\"tools\":[" + string.Join(",", tools) + "]" + (nextCursor is null ? "" : $",\"nextCursor\":\"{nextCursor}\"") + "}");

    [Fact]
    public void Observe_RecordsDeclaredAndUndeclaredTools()
    {
        var store = NewStore();

        var observed = store.Observe(Upstream, Page(null, Tool("get_customer", CustomerMapping), Tool("get_local_weather")), firstPage: true);

        var customer = store.Find(Upstream, "get_customer");
        Assert.Equal((2, 1, 0, true), (observed.Recorded, observed.Declared, observed.Invalid, observed.Published));
        Assert.Equal(DeclaredMappingKind.Declared, customer.Kind);
        Assert.Equal("compiled:" + CustomerMapping, customer.Tool!.Compiled);
        Assert.Equal(CustomerMapping, customer.Tool.Mapping!.Value.GetRawText());
        Assert.Equal(DeclaredMappingKind.NotDeclared, store.Find(Upstream, "get_local_weather").Kind);
    }

    [Fact]
    public void Find_IsExactAndCaseSensitive()
    {
        var store = NewStore();
        store.Observe(Upstream, Page(null, Tool("get_customer", CustomerMapping)), firstPage: true);

        Assert.Equal(DeclaredMappingKind.NotListed, store.Find(Upstream, "Get_Customer").Kind);
        Assert.Equal(DeclaredMappingKind.NotListed, store.Find(Upstream, "get_customer ").Kind);
        Assert.Equal(DeclaredMappingKind.Unknown, store.Find("other-route", "get_customer").Kind);
    }

    [Fact]
    public void NothingObserved_Unknown()
    {
        Assert.Equal(DeclaredMappingKind.Unknown, NewStore().Find(Upstream, "get_customer").Kind);
    }

    [Fact]
    public void FullList_ReplacesTheSet()
    {
        var store = NewStore();
        store.Observe(Upstream, Page(null, Tool("old_tool", CustomerMapping), Tool("kept")), firstPage: true);

        store.Observe(Upstream, Page(null, Tool("kept", CustomerMapping)), firstPage: true);

        Assert.Equal(DeclaredMappingKind.NotListed, store.Find(Upstream, "old_tool").Kind);
        Assert.Equal(DeclaredMappingKind.Declared, store.Find(Upstream, "kept").Kind);
    }

    [Fact]
    public void Pages_MergedUntilTheLastPageThenReplaceTheSet()
    {
        var store = NewStore();
        store.Observe(Upstream, Page(null, Tool("gone")), firstPage: true);

        var first = store.Observe(Upstream, Page("c2", Tool("a", CustomerMapping)), firstPage: true);
        var midway = (store.Find(Upstream, "a").Kind, store.Find(Upstream, "gone").Kind);
        var last = store.Observe(Upstream, Page(null, Tool("b")), firstPage: false);

        Assert.False(first.Published);
        Assert.Equal((DeclaredMappingKind.Declared, DeclaredMappingKind.NotDeclared), midway);
        Assert.True(last.Published);
        Assert.Equal(DeclaredMappingKind.Declared, store.Find(Upstream, "a").Kind);
        Assert.Equal(DeclaredMappingKind.NotDeclared, store.Find(Upstream, "b").Kind);
        Assert.Equal(DeclaredMappingKind.NotListed, store.Find(Upstream, "gone").Kind);
    }

    [Fact]
    public void PageWithoutItsFirstPage_MergedIntoTheCurrentSet()
    {
        var store = NewStore();
        store.Observe(Upstream, Page(null, Tool("a")), firstPage: true);

        store.Observe(Upstream, Page(null, Tool("b", CustomerMapping)), firstPage: false);

        Assert.Equal(DeclaredMappingKind.NotDeclared, store.Find(Upstream, "a").Kind);
        Assert.Equal(DeclaredMappingKind.Declared, store.Find(Upstream, "b").Kind);
    }

    [Fact]
    public void ListChanged_ClearsTheUpstreamOnly()
    {
        var store = NewStore();
        store.Observe(Upstream, Page(null, Tool("a", CustomerMapping, "ui://a.html")), firstPage: true);
        store.Observe("other", Page(null, Tool("a", CustomerMapping)), firstPage: true);

        store.Clear(Upstream);

        Assert.Equal(DeclaredMappingKind.Unknown, store.Find(Upstream, "a").Kind);
        Assert.Empty(store.ToolsLinking(Upstream, "ui://a.html"));
        Assert.Equal(DeclaredMappingKind.Declared, store.Find("other", "a").Kind);
    }

    [Theory]
    [InlineData("\"$token.sub\"", "not an object")]
    [InlineData("""{"broken":true}""", "neither evaluation nor evaluations")]
    public void UnusableMapping_InvalidNeverTheDefault(string mapping, string problem)
    {
        var store = NewStore();

        store.Observe(Upstream, Page(null, Tool("t", mapping)), firstPage: true);

        var found = store.Find(Upstream, "t");
        Assert.Equal(DeclaredMappingKind.Invalid, found.Kind);
        Assert.Contains(problem, found.Tool!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MappingRepeatedInTheSchema_Invalid()
    {
        var store = NewStore();

        store.Observe(Upstream, Parse("""{"tools":[{"name":"t","inputSchema":{"x-authzen-mapping":{"evaluation":{}},"x-authzen-mapping":{"evaluation":{"a":1}}}}]}"""), firstPage: true);

        Assert.Equal(DeclaredMappingKind.Invalid, store.Find(Upstream, "t").Kind);
    }

    [Fact]
    public void ToolListedTwiceWithDifferentMappings_Invalid()
    {
        var store = NewStore();

        store.Observe(Upstream, Page(null, Tool("t", CustomerMapping), Tool("t")), firstPage: true);

        Assert.Equal(DeclaredMappingKind.Invalid, store.Find(Upstream, "t").Kind);
    }

    [Fact]
    public void OversizedMapping_InvalidAndNotCompiled()
    {
        var store = NewStore(new DeclaredMappingLimits { MaxMappingBytes = 64 });

        store.Observe(Upstream, Page(null, Tool("t", CustomerMapping)), firstPage: true);

        Assert.Equal(DeclaredMappingKind.Invalid, store.Find(Upstream, "t").Kind);
        Assert.Null(store.Find(Upstream, "t").Tool!.Mapping);
        Assert.Equal(0, compiles);
    }

    [Fact]
    public void TooManyTools_TheRestUnknown()
    {
        var store = NewStore(new DeclaredMappingLimits { MaxToolsPerUpstream = 2 });

        var observed = store.Observe(Upstream, Page(null, Tool("a"), Tool("b"), Tool("c", CustomerMapping)), firstPage: true);

        Assert.Equal((2, 1), (observed.Recorded, observed.Skipped));
        Assert.Equal(DeclaredMappingKind.NotDeclared, store.Find(Upstream, "b").Kind);
        Assert.Equal(DeclaredMappingKind.Unknown, store.Find(Upstream, "c").Kind);
    }

    [Fact]
    public void TotalMappingBytesBound_LaterMappingsInvalid()
    {
        var store = NewStore(new DeclaredMappingLimits { MaxTotalMappingBytes = CustomerMapping.Length + 10 });

        store.Observe(Upstream, Page(null, Tool("a", CustomerMapping), Tool("b", CustomerMapping)), firstPage: true);

        Assert.Equal(DeclaredMappingKind.Declared, store.Find(Upstream, "a").Kind);
        Assert.Equal(DeclaredMappingKind.Invalid, store.Find(Upstream, "b").Kind);
    }

    [Fact]
    public void SameMappingListedAgain_NotRecompiled()
    {
        var store = NewStore();

        store.Observe(Upstream, Page(null, Tool("a", CustomerMapping)), firstPage: true);
        store.Observe(Upstream, Page(null, Tool("a", CustomerMapping)), firstPage: true);

        Assert.Equal(1, compiles);
        Assert.Equal(DeclaredMappingKind.Declared, store.Find(Upstream, "a").Kind);
    }

    [Fact]
    public void NotAToolsList_NothingChanges()
    {
        var store = NewStore();
        store.Observe(Upstream, Page(null, Tool("a")), firstPage: true);

        var observed = store.Observe(Upstream, Parse("""{"tools":[],"tools":[]}"""), firstPage: true);

        Assert.False(observed.Valid);
        Assert.Equal(DeclaredMappingKind.NotDeclared, store.Find(Upstream, "a").Kind);
    }

    [Fact]
    public void ToolsLinking_NamesEveryToolLinkingTheUiResource()
    {
        var store = NewStore();
        var legacyOnly = """{"name":"legacy","_meta":{"ui/resourceUri":"ui://charts/bar.html"}}""";

        store.Observe(Upstream, Page(null, Tool("zeta", ui: "ui://charts/bar.html"), Tool("alpha", ui: "ui://charts/bar.html"), Tool("other", ui: "ui://x.html"), legacyOnly), firstPage: true);

        Assert.Equal(["alpha", "legacy", "zeta"], store.ToolsLinking(Upstream, "ui://charts/bar.html"));
        Assert.Equal(["other"], store.ToolsLinking(Upstream, "ui://x.html"));
        Assert.Empty(store.ToolsLinking(Upstream, "ui://CHARTS/bar.html"));
        Assert.Empty(store.ToolsLinking("other-route", "ui://x.html"));
    }

    [Fact]
    public async Task ConcurrentListsAndLookups_EveryLookupSeesAWholeSet()
    {
        // Each lookup reads one published set: a tool in both lists is always declared, and a tool in one list is
        // either listed without a mapping or not listed — never unknown or invalid half-way through a swap. (Two
        // separate lookups may see two different sets; that is allowed.)
        var store = NewStore();
        var listA = Page(null, Tool("shared", CustomerMapping), Tool("only_a"));
        var listB = Page(null, Tool("shared", CustomerMapping), Tool("only_b"));
        store.Observe(Upstream, listA, firstPage: true);
        var torn = 0;

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++) store.Observe(Upstream, (i + w) % 2 == 0 ? listA : listB, firstPage: true);
        }));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5000; i++)
            {
                var shared = store.Find(Upstream, "shared").Kind;
                var onlyA = store.Find(Upstream, "only_a").Kind;
                if (shared != DeclaredMappingKind.Declared || onlyA is not (DeclaredMappingKind.NotDeclared or DeclaredMappingKind.NotListed))
                    Interlocked.Increment(ref torn);
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        Assert.Equal(0, torn);
    }
}
