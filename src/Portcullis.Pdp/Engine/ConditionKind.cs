namespace Portcullis.Pdp.Engine;

/// <summary>The shape of a condition node: one expression, or <c>all</c>/<c>any</c>/<c>none</c> of nested nodes.</summary>
internal enum ConditionKind
{
    /// <summary>A CEL expression.</summary>
    Expr,
    /// <summary>True when every child is true.</summary>
    All,
    /// <summary>True when some child is true.</summary>
    Any,
    /// <summary>True when no child is true.</summary>
    None,
}
