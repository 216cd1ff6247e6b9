using BenchmarkDotNet.Attributes;
using Portcullis.Cel.Json;
using Portcullis.Pdp.Engine;
using Portcullis.Pdp.Policies;

namespace Portcullis.Benchmarks;

/// <summary>
/// The embedded PDP's per-decision cost, in process: a 50-rule policy set with conditions, derived roles, variables
/// and constants. Each benchmark is one <see cref="PolicySet.Check"/>; the target is at least 1,000,000 decisions
/// per second on one core and no allocation beyond the (shared) decision.
/// </summary>
[MemoryDiagnoser]
public class PdpBenchmarks
{
    private PolicySet _policies = null!;
    private CheckInput _ownerEdits = null!;
    private CheckInput _viewPublished = null!;
    private CheckInput _conditionalRules = null!;
    private CheckInput _wildcardAction = null!;
    private CheckInput _denied = null!;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = PolicySet.LoadFromFiles([("derived_roles.yaml", PdpPolicies.DerivedRoles), ("document.yaml", PdpPolicies.ResourcePolicy())]);
        _policies = loaded.Policies ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Diagnostics));
        var alice = new Principal("alice", ["user"], CelJson.Parse("""{"department": "sales", "level": 3, "regions": ["eu", "us"]}""").AsMap);
        var bob = new Principal("bob", ["manager", "user"], CelJson.Parse("""{"department": "sales", "level": 4, "regions": ["eu"]}""").AsMap);
        var document = new PolicyResource("document", "d1", CelJson.Parse(
            """{"owner": "alice", "status": "published", "size": 120, "department": "sales", "region": "eu", "archived": false, "labels": ["label5", "x"]}""").AsMap);
        var context = CelJson.Parse("{}").AsMap;
        _ownerEdits = new CheckInput(alice, document, "edit", context);
        _viewPublished = new CheckInput(bob, document, "view", context);
        _conditionalRules = new CheckInput(bob, document, "action5", context);
        _wildcardAction = new CheckInput(alice, document, "comment:add", context);
        _denied = new CheckInput(new Principal("carol", ["guest"], context), document, "edit", context);
        foreach (var (input, expected) in new[] { (_ownerEdits, true), (_viewPublished, true), (_wildcardAction, true), (_denied, false) })
        {
            var decision = _policies.Check(input);
            if (decision.Allowed != expected || decision.Errors.Count > 0)
                throw new InvalidOperationException($"{input.Action}: {decision}");
        }
    }

    [Benchmark(Baseline = true)]
    public bool OwnerEdits() => _policies.Check(_ownerEdits).Allowed;

    [Benchmark]
    public bool ViewPublished() => _policies.Check(_viewPublished).Allowed;

    [Benchmark]
    public bool ConditionalRules() => _policies.Check(_conditionalRules).Allowed;

    [Benchmark]
    public bool WildcardAction() => _policies.Check(_wildcardAction).Allowed;

    [Benchmark]
    public bool Denied() => _policies.Check(_denied).Allowed;
}
