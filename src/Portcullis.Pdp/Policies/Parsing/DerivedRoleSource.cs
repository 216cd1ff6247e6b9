namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed derived role definition.</summary>
internal sealed record DerivedRoleSource(PolicyLocation Location, string Name, IReadOnlyList<string> ParentRoles, ConditionSource? Condition);
