namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed action entry of a principal policy rule.</summary>
internal sealed record PrincipalActionSource(PolicyLocation Location, string? Name, string Action, bool Allow, ConditionSource? Condition);
