namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed resource policy rule.</summary>
internal sealed record ResourceRuleSource(PolicyLocation Location, string? Name, IReadOnlyList<string> Actions, bool Allow,
    IReadOnlyList<string> Roles, IReadOnlyList<NamedReference> DerivedRoles, ConditionSource? Condition);
