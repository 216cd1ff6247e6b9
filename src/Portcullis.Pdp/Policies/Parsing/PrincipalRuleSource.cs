namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed principal policy rule: a resource kind (or glob) and its action entries.</summary>
internal sealed record PrincipalRuleSource(PolicyLocation Location, string Resource, IReadOnlyList<PrincipalActionSource> Actions);
