using Portcullis.Cel.Values;
using Portcullis.Pdp.Engine;
using Portcullis.Pdp.Loading;
using Portcullis.Pdp.Service;

namespace Portcullis.Pdp.Tests.Service;

/// <summary>
/// A stand-in for the policy engine until the real one lands: rules are lines <c>ROLE ACTION [owner]</c> in
/// <c>*.rules</c> files (a rule with <c>owner</c> also needs <c>R.attr.owner == P.id</c>). A principal attribute
/// <c>boom</c> makes every condition error (granting nothing) as the real engine's failing conditions do.
/// </summary>
internal sealed class FakeEngine(IReadOnlyList<FakeRule> rules) : IDecisionEngine
{
    public static FakeEngine Of(params string[] lines) => new(lines.Select((l, i) => Parse(l, "inline", i + 1, null)!).ToList());

    public static EngineLoadResult Load(string path)
    {
        var rules = new List<FakeRule>();
        var diagnostics = new List<SourceDiagnostic>();
        foreach (var file in System.IO.Directory.EnumerateFiles(path, "*.rules", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i])) continue;
                if (Parse(lines[i], file, i + 1, diagnostics) is { } rule) rules.Add(rule);
            }
        }
        return new EngineLoadResult(diagnostics.Count == 0 ? new FakeEngine(rules) : null, diagnostics);
    }

    public PolicyDecision Check(CheckInput input)
    {
        var errors = new List<string>();
        foreach (var rule in rules)
        {
            if (rule.Action != input.Action || !input.Principal.Roles.Contains(rule.Role)) continue;
            if (input.Principal.Attributes.TryGetValue("boom", out _))
            {
                errors.Add($"resource.{input.Resource.Kind}.vdefault#{rule.Name}: no such key: boom");
                continue;
            }
            if (rule.OwnerOnly && !(input.Resource.Attributes.TryGetValue("owner", out var owner)
                && owner.Kind == CelValueKind.String && owner.AsString == input.Principal.Id))
            {
                continue;
            }
            return new PolicyDecision(true, $"resource.{input.Resource.Kind}.vdefault", rule.Name, errors);
        }
        return errors.Count == 0 ? PolicyDecision.DefaultDeny : PolicyDecision.DefaultDeny with { Errors = errors };
    }

    public IReadOnlyList<string> ActionsFor(string resourceKind) => rules.Select(r => r.Action).Distinct().ToList();

    private static FakeRule? Parse(string line, string file, int number, List<SourceDiagnostic>? diagnostics)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 2 or 3 && (parts.Length == 2 || parts[2] == "owner"))
        {
            return new FakeRule($"{parts[0]}-{parts[1]}", parts[0], parts[1], parts.Length == 3);
        }
        diagnostics?.Add(new SourceDiagnostic(file, number, 1, "expected 'ROLE ACTION [owner]'"));
        return null;
    }
}
