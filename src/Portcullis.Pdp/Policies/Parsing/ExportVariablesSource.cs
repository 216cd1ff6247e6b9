namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed <c>exportVariables</c> policy.</summary>
internal sealed record ExportVariablesSource(PolicyLocation Location, string Name, IReadOnlyList<NamedExpression> Definitions);
