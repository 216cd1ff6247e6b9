namespace Portcullis.Pdp.Engine;

/// <summary>A compiled resource policy with its rules indexed by action.</summary>
internal sealed class ResourcePolicy
{
    private readonly Dictionary<string, ResourceRule[]> _byAction;

    /// <summary>Creates the policy and its index.</summary>
    public ResourcePolicy(string key, string kind, string version, IReadOnlyList<ResourceRule> rules, DerivedRole[] derivedRoles)
    {
        Key = key;
        Kind = kind;
        Version = version;
        Rules = rules;
        DerivedRoles = derivedRoles;
        WildcardRules = [.. rules.Where(r => r.HasActionGlobs)];
        ExplicitActions = [.. rules.SelectMany(r => r.Actions).Where(a => !GlobPattern.IsGlob(a)).Distinct(StringComparer.Ordinal)];
        // Each literal action gets every rule that applies to it, literal or glob, in policy order.
        _byAction = ExplicitActions.ToDictionary(a => a, a => rules.Where(r => r.MatchesAction(a)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the policy key, e.g. <c>resource.document.vdefault</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the resource kind.</summary>
    public string Kind { get; }

    /// <summary>Gets the policy version.</summary>
    public string Version { get; }

    /// <summary>Gets every rule in policy order.</summary>
    public IReadOnlyList<ResourceRule> Rules { get; }

    /// <summary>Gets the rules with an action glob: the candidates for an action no rule names literally.</summary>
    public ResourceRule[] WildcardRules { get; }

    /// <summary>Gets the imported derived roles (for <c>runtime.effectiveDerivedRoles</c>).</summary>
    public DerivedRole[] DerivedRoles { get; }

    /// <summary>Gets the literal action names, in order of first appearance.</summary>
    public IReadOnlyList<string> ExplicitActions { get; }

    /// <summary>Returns the candidate rules for <paramref name="action"/>; when <paramref name="mustMatch"/> is true the
    /// caller still has to test each rule's action globs.</summary>
    public ResourceRule[] Candidates(string action, out bool mustMatch)
    {
        if (_byAction.TryGetValue(action, out var rules))
        {
            mustMatch = false;
            return rules;
        }
        mustMatch = true;
        return WildcardRules;
    }
}
