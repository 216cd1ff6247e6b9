namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A name used to refer to something else (an import, a derived role), with where it was written.</summary>
internal sealed record NamedReference(string Name, PolicyLocation Location);
