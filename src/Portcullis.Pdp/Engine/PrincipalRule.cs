namespace Portcullis.Pdp.Engine;

/// <summary>A compiled action rule of a principal policy.</summary>
internal sealed class PrincipalRule
{
    private readonly GlobPattern _resource;
    private readonly GlobPattern _action;
    private readonly bool _resourceIsGlob;
    private readonly bool _actionIsGlob;

    /// <summary>Creates the rule.</summary>
    public PrincipalRule(int id, string policyKey, string name, string resource, string action, bool allow, Condition? condition, ParameterScope scope)
    {
        Id = id;
        Name = name;
        Resource = resource;
        Action = action;
        _resource = GlobPattern.Create(resource);
        _action = GlobPattern.Create(action);
        _resourceIsGlob = GlobPattern.IsGlob(resource);
        _actionIsGlob = GlobPattern.IsGlob(action);
        Allow = allow;
        Condition = condition;
        Scope = scope;
        PolicyKey = policyKey;
        Decision = new PolicyDecision(allow, policyKey, name, []);
    }

    /// <summary>Gets the rule's index in the policy set, for the per-check cache.</summary>
    public int Id { get; }

    /// <summary>Gets the key of the policy, e.g. <c>principal.alice.vdefault</c>.</summary>
    public string PolicyKey { get; }

    /// <summary>Gets the rule's name, or <c>#i.j</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the resource kind or glob as written.</summary>
    public string Resource { get; }

    /// <summary>Gets the action or glob as written.</summary>
    public string Action { get; }

    /// <summary>Gets a value indicating whether the rule allows.</summary>
    public bool Allow { get; }

    /// <summary>Gets the condition, or null.</summary>
    public Condition? Condition { get; }

    /// <summary>Gets the variables and constants of the policy.</summary>
    public ParameterScope Scope { get; }

    /// <summary>Gets the decision this rule produces when it decides.</summary>
    public PolicyDecision Decision { get; }

    /// <summary>Returns whether the rule covers <paramref name="kind"/> and <paramref name="action"/>.</summary>
    public bool Matches(string kind, string action) =>
        (_resourceIsGlob ? _resource.IsMatch(kind) : string.Equals(Resource, kind, StringComparison.Ordinal))
        && (_actionIsGlob ? _action.IsMatch(action) : string.Equals(Action, action, StringComparison.Ordinal));
}
