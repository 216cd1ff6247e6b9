using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Mcp.Discovery;
using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Policies;
using Portcullis.Pdp.Service;

namespace Portcullis.Benchmarks;

/// <summary>
/// Per-caller discovery: filtering a 100-tool <c>tools/list</c> result (realistic tools: description, input schema,
/// annotations) with the embedded PDP in process, which allows half of them. <c>Filter</c> is the whole cost the MCP
/// stage adds to a list response; <c>PdpOnly</c> is the one Access Evaluations call alone, so the difference is the
/// filter's own work (plan, request, rewrite), which <c>FilterWithoutPolicyEngine</c> (a PDP that allows every other
/// item without policies) also shows. Run:
/// <c>dotnet run -c Release --project benchmarks/Portcullis.Benchmarks -- --filter *ListFilter*</c>.
/// First run (in-process, 20 iterations, on a shared and noisy 2-core VM with other builds running, so the spread is
/// wide): Filter 0.49 ms (±0.37 ms), 145 KB; FilterWithoutPolicyEngine 98 µs, 82 KB; PdpOnly 114 µs, 64 KB. So one
/// 100-tool list costs one PDP call plus about 0.1 ms of the filter's own work.
/// </summary>
[MemoryDiagnoser]
public class ListFilterBenchmarks
{
    private const string Policy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: tool
          version: default
          rules:
            - actions: ["tools/call"]
              effect: EFFECT_ALLOW
              roles: [identity]
              condition:
                match:
                  expr: R.id.startsWith("public_")
        """;

    private static readonly DiscoveryCaller Caller = new("bob", "agent-app");
    private JsonDocument _tools = null!;
    private ListFilter _filter = null!;
    private IAuthZenPdp _pdp = null!;
    private EvaluationsRequest _request = null!;
    private JsonDocument _agentContext = null!;
    private ListFilter _filterWithoutPolicies = null!;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = PolicySet.LoadFromFiles([("tool.yaml", Policy)]);
        _pdp = new EmbeddedPdp(new PdpSnapshot(loaded.Policies ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Diagnostics)), EntityDirectory.Empty));
        _filter = new ListFilter(_pdp);
        _filterWithoutPolicies = new ListFilter(new HalfAllowingPdp());
        _agentContext = JsonDocument.Parse("{\"agent\":\"agent-app\"}");
        var tools = Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture, $$$"""
            {"name":"{{{(i % 2 == 0 ? "public" : "private")}}}_tool_{{{i}}}","description":"Tool number {{{i}}}: looks things up and returns a summary.","inputSchema":{"type":"object","properties":{"query":{"type":"string","description":"What to look up"},"limit":{"type":"integer","minimum":1,"maximum":100}},"required":["query"]},"annotations":{"readOnlyHint":true}}
            """));
        _tools = JsonDocument.Parse("{\"tools\":[" + string.Join(",", tools) + "],\"nextCursor\":\"page-2\"}");
        _request = new EvaluationsRequest
        {
            Subject = new Subject { Type = "identity", Id = Caller.SubjectId },
            Context = _agentContext.RootElement,
            Evaluations = [.. Enumerable.Range(0, 100).Select(i => new EvaluationItem
            {
                Action = new AccessAction { Name = "tools/call" },
                Resource = new Resource { Type = "tool", Id = (i % 2 == 0 ? "public" : "private") + "_tool_" + i.ToString(CultureInfo.InvariantCulture) },
            })],
        };
        var check = Filter();
        if (check.Kept != 50) throw new InvalidOperationException($"expected 50 tools kept, got {check.Kept} ({check.Problem})");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tools.Dispose();
        _agentContext.Dispose();
    }

    [Benchmark(Baseline = true)]
    public ListFilterResult Filter() => _filter.FilterAsync(DiscoveryList.Tools, _tools.RootElement, Caller, "2026-07-28").AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public ListFilterResult FilterWithoutPolicyEngine() =>
        _filterWithoutPolicies.FilterAsync(DiscoveryList.Tools, _tools.RootElement, Caller, "2026-07-28").AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public int PdpOnly() => _pdp.EvaluationsAsync(_request).AsTask().GetAwaiter().GetResult().Evaluations.Count;
}
