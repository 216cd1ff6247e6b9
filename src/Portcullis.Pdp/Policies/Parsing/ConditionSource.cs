using Portcullis.Pdp.Engine;

namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed <c>match</c> block: an expression or <c>all</c>/<c>any</c>/<c>none</c> of nested blocks.</summary>
internal sealed record ConditionSource(ConditionKind Kind, ExpressionSource? Expression, IReadOnlyList<ConditionSource> Children);
