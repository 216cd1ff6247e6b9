using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A constant definition: a name and its value.</summary>
internal sealed record NamedValue(string Name, CelValue Value, PolicyLocation Location);
