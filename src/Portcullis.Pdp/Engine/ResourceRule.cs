namespace Portcullis.Pdp.Engine;

/// <summary>A compiled rule of a resource policy.</summary>
internal sealed class ResourceRule
{
    private readonly GlobPattern[] _actionGlobs;
    private readonly HashSet<string> _actions;

    /// <summary>Creates the rule.</summary>
    public ResourceRule(int id, string policyKey, string name, bool allow, IReadOnlyList<string> actions, RoleSet roles,
        DerivedRole[] derivedRoles, Condition? condition, ParameterScope scope)
    {
        Id = id;
        PolicyKey = policyKey;
        Name = name;
        Allow = allow;
        Actions = actions;
        _actions = new HashSet<string>(actions.Where(a => !GlobPattern.IsGlob(a)), StringComparer.Ordinal);
        _actionGlobs = [.. actions.Where(GlobPattern.IsGlob).Select(GlobPattern.Create)];
        Roles = roles;
        DerivedRoles = derivedRoles;
        Condition = condition;
        Scope = scope;
        Decision = new PolicyDecision(allow, policyKey, name, []);
    }

    /// <summary>Gets the rule's index in the policy set, for the per-check cache.</summary>
    public int Id { get; }

    /// <summary>Gets the key of the policy the rule belongs to.</summary>
    public string PolicyKey { get; }

    /// <summary>Gets the rule's name, or <c>#index</c>.</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether the rule allows (else it denies).</summary>
    public bool Allow { get; }

    /// <summary>Gets the actions as written (literals and globs).</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Gets a value indicating whether any action is a glob.</summary>
    public bool HasActionGlobs => _actionGlobs.Length > 0;

    /// <summary>Gets the static roles the rule applies to.</summary>
    public RoleSet Roles { get; }

    /// <summary>Gets the derived roles the rule applies to.</summary>
    public DerivedRole[] DerivedRoles { get; }

    /// <summary>Gets the condition, or null.</summary>
    public Condition? Condition { get; }

    /// <summary>Gets the variables and constants of the rule's policy.</summary>
    public ParameterScope Scope { get; }

    /// <summary>Gets the decision this rule produces when it decides (shared; no allocation per check).</summary>
    public PolicyDecision Decision { get; }

    /// <summary>Returns whether the rule names <paramref name="action"/>, literally or by a glob.</summary>
    public bool MatchesAction(string action)
    {
        if (_actions.Contains(action)) return true;
        foreach (var glob in _actionGlobs)
        {
            if (glob.IsMatch(action)) return true;
        }
        return false;
    }
}
