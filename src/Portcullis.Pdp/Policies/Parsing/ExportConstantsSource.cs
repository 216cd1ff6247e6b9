namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed <c>exportConstants</c> policy.</summary>
internal sealed record ExportConstantsSource(PolicyLocation Location, string Name, IReadOnlyList<NamedValue> Definitions);
