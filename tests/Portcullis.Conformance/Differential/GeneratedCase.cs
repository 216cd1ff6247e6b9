using Portcullis.Cel.Values;

namespace Portcullis.Conformance.Differential;

/// <summary>One generated expression with the values of the variables it uses.</summary>
/// <param name="Expr">The CEL expression.</param>
/// <param name="Vars">The variables, in order of first use.</param>
internal sealed record GeneratedCase(string Expr, IReadOnlyList<KeyValuePair<string, CelValue>> Vars);
