namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed <c>resourcePolicy</c>.</summary>
internal sealed record ResourcePolicySource(PolicyLocation Location, string Resource, string Version,
    IReadOnlyList<NamedReference> ImportDerivedRoles, ParametersSource Parameters, IReadOnlyList<ResourceRuleSource> Rules);
