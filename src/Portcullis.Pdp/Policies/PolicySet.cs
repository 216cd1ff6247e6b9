using Portcullis.Cel;
using Portcullis.Pdp.Engine;
using Portcullis.Pdp.Loading;
using Portcullis.Pdp.Policies.Parsing;

namespace Portcullis.Pdp.Policies;

/// <summary>A compiled, immutable set of Cerbos-compatible policies. Thread-safe; replaced as a whole on reload.</summary>
/// <remarks>Policy files follow Cerbos (<c>api.cerbos.dev/v1</c>): resource, derived-roles and principal policies,
/// exported variables and constants. See https://docs.cerbos.dev/cerbos/latest/policies/.</remarks>
public sealed class PolicySet
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];
    private readonly CompiledPolicies _policies;
    private readonly TimeProvider _clock;

    private PolicySet(CompiledPolicies policies, TimeProvider clock)
    {
        _policies = policies;
        _clock = clock;
    }

    /// <summary>Gets the number of policies in the set (every kind, including exports).</summary>
    public int PolicyCount => _policies.PolicyCount;

    /// <summary>Gets the resource kinds that have a (default-version) resource policy, in ordinal order.</summary>
    public IReadOnlyList<string> ResourceKinds => [.. _policies.ResourcePolicies.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Loads every policy file (*.yaml, *.yml, *.json) under <paramref name="path"/>, recursively. Never throws
    /// for bad content: problems come back as diagnostics with file and line.</summary>
    /// <remarks>Files under a <c>_schemas</c> or <c>testdata</c> folder, and files with other extensions, are ignored.</remarks>
    public static PolicyLoadResult LoadFromDirectory(string path) => LoadFromDirectory(path, TimeProvider.System);

    /// <summary>Loads a policy folder like <see cref="LoadFromDirectory(string)"/>, with <paramref name="clock"/> for <c>now()</c>.</summary>
    public static PolicyLoadResult LoadFromDirectory(string path, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
            return new PolicyLoadResult(null, [new SourceDiagnostic(path, 0, 0, "the policy folder does not exist")]);
        var files = new List<(string, string)>();
        var diagnostics = new List<SourceDiagnostic>();
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(path, file);
            var folders = relative.Split(Path.DirectorySeparatorChar)[..^1];
            if (folders.Any(f => f is "_schemas" or "testdata")) continue;
            if (!Extensions.Contains(Path.GetExtension(file).ToLowerInvariant())) continue;
            try
            {
                files.Add((file, File.ReadAllText(file)));
            }
            catch (IOException ex)
            {
                diagnostics.Add(new SourceDiagnostic(file, 0, 0, $"cannot read the file: {ex.Message}"));
            }
            catch (UnauthorizedAccessException ex)
            {
                diagnostics.Add(new SourceDiagnostic(file, 0, 0, $"cannot read the file: {ex.Message}"));
            }
        }
        return Load(files, diagnostics, clock);
    }

    /// <summary>Loads policies from in-memory files (path for messages, YAML or JSON text).</summary>
    public static PolicyLoadResult LoadFromFiles(IEnumerable<(string Path, string Text)> files, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Load(files, [], clock ?? TimeProvider.System);
    }

    /// <summary>Decides <paramref name="input"/>: deny overrides allow, default deny, an erroring condition grants nothing.</summary>
    public PolicyDecision Check(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return DecisionEngine.Check(_policies, input, _clock);
    }

    /// <summary>Returns the action names that rules for <paramref name="resourceKind"/> name explicitly (not wildcards),
    /// in a stable order; the candidates of an action search.</summary>
    public IReadOnlyList<string> ActionsFor(string resourceKind)
    {
        ArgumentNullException.ThrowIfNull(resourceKind);
        var actions = new List<string>();
        if (_policies.ResourcePolicies.TryGetValue(resourceKind, out var policy)) actions.AddRange(policy.ExplicitActions);
        foreach (var principal in _policies.PrincipalPolicies.Values.OrderBy(p => p.Principal, StringComparer.Ordinal))
        {
            foreach (var rule in principal.Rules)
            {
                if (rule.Resource == resourceKind && !GlobPattern.IsGlob(rule.Action) && !actions.Contains(rule.Action)) actions.Add(rule.Action);
            }
        }
        return actions;
    }

    private static PolicyLoadResult Load(IEnumerable<(string Path, string Text)> files, List<SourceDiagnostic> diagnostics, TimeProvider clock)
    {
        var sources = new PolicySources();
        foreach (var (file, text) in files) PolicyFileParser.Parse(file, text, sources, diagnostics);
        var compiled = PolicyCompiler.Compile(sources, diagnostics, CelOptions.Default with { TimeProvider = clock });
        var ordered = diagnostics.Distinct().OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return ordered.Count > 0 ? new PolicyLoadResult(null, ordered) : new PolicyLoadResult(new PolicySet(compiled, clock), []);
    }
}
