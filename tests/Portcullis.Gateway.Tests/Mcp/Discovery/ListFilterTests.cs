using System.Text.Json;
using Portcullis.AuthZen.Client;
using Portcullis.Gateway.Mcp.Discovery;
using static Portcullis.Gateway.Tests.Mcp.Discovery.ListFilterTestData;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

public sealed class ListFilterTests
{
    private readonly ListFilter filter = new(DiscoveryPolicies.Pdp());

    [Fact]
    public async Task ToolsList_EmbeddedPdp_ListsOnlyTheToolsEachCallerMayCall()
    {
        var tools = Tools("public_search", "admin_reset", "agent_tool", "delete_everything");

        Assert.Equal(["public_search"], Keys(await filter.FilterAsync(DiscoveryList.Tools, tools, Bob, "2025-11-25")));
        Assert.Equal(["public_search", "agent_tool"], Keys(await filter.FilterAsync(DiscoveryList.Tools, tools, BobViaTrustedAgent, "2025-11-25")));
        Assert.Equal(["public_search", "admin_reset", "agent_tool"], Keys(await filter.FilterAsync(DiscoveryList.Tools, tools, Alice, "2025-11-25")));
    }

    [Fact]
    public async Task PromptsList_EmbeddedPdp_RemovesDeniedPrompts()
    {
        var prompts = Parse("""{"prompts":[{"name":"public_review","arguments":[{"name":"code","required":true}]},{"name":"hr_letter"}]}""");

        var result = await filter.FilterAsync(DiscoveryList.Prompts, prompts, Bob, null);

        Assert.Equal(["public_review"], Keys(result, "prompts"));
        Assert.Equal((1, 1), (result.Kept, result.Removed));
    }

    [Fact]
    public async Task ResourcesList_EmbeddedPdp_DecidesEachUri()
    {
        var resources = Parse("""{"resources":[{"uri":"file:///public/readme.md","name":"readme"},{"uri":"file:///payroll.csv","name":"payroll"}]}""");

        Assert.Equal(["file:///public/readme.md"], Keys(await filter.FilterAsync(DiscoveryList.Resources, resources, Bob, null), "resources", "uri"));
        Assert.Equal(["file:///public/readme.md", "file:///payroll.csv"], Keys(await filter.FilterAsync(DiscoveryList.Resources, resources, Alice, null), "resources", "uri"));
    }

    [Fact]
    public async Task ResourceTemplatesList_EmbeddedPdp_DecidesEachTemplateAsResourceTemplate()
    {
        var templates = Parse("""{"resourceTemplates":[{"uriTemplate":"file:///public/{name}","name":"docs"},{"uriTemplate":"file:///hr/{employee}","name":"hr"}]}""");
        var counting = new CountingPdp();

        var result = await new ListFilter(counting).FilterAsync(DiscoveryList.ResourceTemplates, templates, Bob, null);
        var bobs = await filter.FilterAsync(DiscoveryList.ResourceTemplates, templates, Bob, null);

        Assert.All(counting.LastRequest!.Evaluations!, i => Assert.Equal(("resource_template", "resources/read"), (i.Resource!.Type, i.Action!.Name)));
        Assert.Equal(2, result.Kept);
        Assert.Equal(["file:///public/{name}"], Keys(bobs, "resourceTemplates", "uriTemplate"));
    }

    [Fact]
    public async Task HundredTools_OneEvaluationsCall_HalfListed()
    {
        var pdp = new CountingPdp { Decide = i => i.Resource!.Id!.StartsWith("public_", StringComparison.Ordinal) };

        var result = await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, ManyTools(100), Bob, null);

        Assert.Equal(1, pdp.EvaluationsCalls);
        Assert.Equal(0, pdp.EvaluateCalls);
        Assert.Equal(100, pdp.LastRequest!.Evaluations!.Count);
        Assert.Equal(50, Keys(result).Count);
        Assert.All(Keys(result), n => Assert.StartsWith("public_", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_HasTheDefaultSubjectAndAgentAtTheTopAndOneItemPerDistinctTool()
    {
        var pdp = new CountingPdp();

        await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, Tools("a", "b", "a"), BobViaTrustedAgent, null);

        var request = pdp.LastRequest!;
        Assert.Equal(("identity", "bob"), (request.Subject!.Type, request.Subject.Id));
        Assert.Equal("""{"agent":"trusted-agent"}""", request.Context!.Value.GetRawText());
        Assert.Equal(["a", "b"], request.Evaluations!.Select(i => i.Resource!.Id));
        Assert.All(request.Evaluations!, i => Assert.Equal(("tool", "tools/call", null, null), (i.Resource!.Type, i.Action!.Name, i.Subject, i.Context)));
    }

    [Fact]
    public async Task Request_WithoutClientId_HasNoAgent()
    {
        var pdp = new CountingPdp();

        await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, Tools("a"), Bob, null);

        Assert.Equal("{}", pdp.LastRequest!.Context!.Value.GetRawText());
    }

    [Fact]
    public async Task DuplicateToolNames_BothDecidedByOneItem()
    {
        var pdp = new CountingPdp { Decide = _ => false };

        var result = await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, Tools("x", "x"), Bob, null);

        Assert.Empty(Keys(result));
        Assert.Equal((0, 2, 1), (result.Kept, result.Removed, result.Evaluations));
    }

    [Fact]
    public async Task EmptyList_NoPdpCall()
    {
        var pdp = new CountingPdp();

        var result = await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, Parse("""{"tools":[],"nextCursor":"c2"}"""), Bob, null);

        Assert.Equal(0, pdp.EvaluationsCalls);
        Assert.Equal("""{"tools":[],"nextCursor":"c2"}""", System.Text.Encoding.UTF8.GetString(result.FilteredResult!));
    }

    [Fact]
    public async Task KeptValues_AreTheUpstreamsOwnBytes()
    {
        const string weatherTool = """{ "name" : "public_weather", "description":"Temp\u00e9rature \"local\" <b>&amp;</b> é 日本", "inputSchema":{"type":"object","properties":{"zip":{"type":"string","maxLength":5.0e0}}}, "annotations":{"readOnlyHint":true}, "x-vendor":[1,2.50,null] }""";
        var upstream = Parse("""{"_meta":{"progressToken":7,"trace":"ab"},"tools":[""" + weatherTool + """,{"name":"secret"}],"nextCursor":"eyJwYWdlIjoyfQ==","x-extra":{"kept":true}}""");

        var result = await filter.FilterAsync(DiscoveryList.Tools, upstream, Bob, null);

        var output = Output(result);
        Assert.Equal(weatherTool, output.GetProperty("tools")[0].GetRawText());
        Assert.Equal(1, output.GetProperty("tools").GetArrayLength());
        Assert.Equal("eyJwYWdlIjoyfQ==", output.GetProperty("nextCursor").GetString());
        Assert.Equal("""{"progressToken":7,"trace":"ab"}""", output.GetProperty("_meta").GetRawText());
        Assert.Equal("""{"kept":true}""", output.GetProperty("x-extra").GetRawText());
        Assert.Equal(["_meta", "tools", "nextCursor", "x-extra"], output.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("2026-07-28")]
    [InlineData("2027-01-01")]
    public async Task Revision20260728OrLater_CacheScopeBecomesPrivate(string version)
    {
        var withPublic = Parse("""{"resultType":"complete","tools":[{"name":"public_a"}],"ttlMs":300000,"cacheScope":"public"}""");
        var without = Parse("""{"tools":[{"name":"public_a"}]}""");

        var replaced = Output(await filter.FilterAsync(DiscoveryList.Tools, withPublic, Bob, version));
        var added = Output(await filter.FilterAsync(DiscoveryList.Tools, without, Bob, version));

        Assert.Equal("private", replaced.GetProperty("cacheScope").GetString());
        Assert.Equal(300000, replaced.GetProperty("ttlMs").GetInt32());
        Assert.Single(replaced.EnumerateObject(), p => p.Name == "cacheScope");
        Assert.Equal("private", added.GetProperty("cacheScope").GetString());
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    [InlineData(null)]
    [InlineData("not-a-date")]
    public async Task EarlierOrUnknownRevision_NoCacheScopeAdded(string? version)
    {
        var output = Output(await filter.FilterAsync(DiscoveryList.Prompts, Parse("""{"prompts":[{"name":"public_p"}]}"""), Bob, version));

        Assert.False(output.TryGetProperty("cacheScope", out _));
    }

    [Fact]
    public async Task EmptyList_In20260728_StillMarkedPrivate()
    {
        var output = Output(await filter.FilterAsync(DiscoveryList.Resources, Parse("""{"resources":[]}"""), Bob, "2026-07-28"));

        Assert.Equal("private", output.GetProperty("cacheScope").GetString());
    }

    [Fact]
    public async Task PdpThrows_FailsClosedWithoutAResult()
    {
        var pdp = new CountingPdp { Failure = new PdpUnavailableException(PdpFailureKind.Timeout, "timed out") };

        var result = await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, Tools("public_a"), Bob, null);

        Assert.Equal(ListFilterStatus.PdpFailed, result.Status);
        Assert.Null(result.FilteredResult);
        Assert.IsType<PdpUnavailableException>(result.PdpException);
        Assert.Equal(-32603, ListFilterResult.InternalErrorCode);
    }

    [Fact]
    public async Task PdpAnswersTooFewDecisions_FailsClosed()
    {
        var pdp = new CountingPdp { Missing = 1 };

        var result = await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, Tools("a", "b"), Bob, null);

        Assert.Equal(ListFilterStatus.PdpFailed, result.Status);
        Assert.Null(result.FilteredResult);
        Assert.Contains("1 decisions for 2", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerLeft_CancellationIsNotAPdpFailure()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var pdp = new CountingPdp { Failure = new OperationCanceledException(cancelled.Token) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, Tools("a"), Bob, null, cancelled.Token).AsTask());
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"prompts":[]}""")]
    [InlineData("""{"tools":{"name":"a"}}""")]
    [InlineData("""{"tools":[{"name":"public_a"}],"tools":[{"name":"admin"}]}""")]
    public async Task NotAListResult_InvalidResultWithoutAPdpCall(string json)
    {
        var pdp = new CountingPdp();

        var result = await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, Parse(json), Bob, null);

        Assert.Equal(ListFilterStatus.InvalidResult, result.Status);
        Assert.Null(result.FilteredResult);
        Assert.Equal(0, pdp.EvaluationsCalls);
    }

    [Fact]
    public async Task UnidentifiableEntries_RemovedUnasked()
    {
        var pdp = new CountingPdp();
        var upstream = Parse("""{"tools":["public_a",{"title":"no name"},{"name":""},{"name":7},{"name":"public_b","name":"admin"},{"name":"public_c"}]}""");

        var result = await new ListFilter(pdp).FilterAsync(DiscoveryList.Tools, upstream, Bob, null);

        Assert.Equal(["public_c"], Keys(result));
        Assert.Equal(["public_c"], pdp.LastRequest!.Evaluations!.Select(i => i.Resource!.Id));
        Assert.Equal(5, result.Removed);
    }
}
