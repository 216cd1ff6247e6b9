namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed <c>principalPolicy</c>.</summary>
internal sealed record PrincipalPolicySource(PolicyLocation Location, string Principal, string Version, ParametersSource Parameters,
    IReadOnlyList<PrincipalRuleSource> Rules);
