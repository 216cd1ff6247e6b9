namespace Portcullis.Cel.Evaluation;

/// <summary>The comprehension macros.</summary>
internal enum ComprehensionKind
{
    /// <summary><c>all</c>: true unless a predicate is false; errors lose to false.</summary>
    All,
    /// <summary><c>exists</c>: false unless a predicate is true; errors lose to true.</summary>
    Exists,
    /// <summary><c>exists_one</c> / <c>existsOne</c>: exactly one predicate is true; errors are strict.</summary>
    ExistsOne,
    /// <summary><c>map</c> and <c>transformList</c>: a list of transformed elements, optionally filtered.</summary>
    TransformList,
    /// <summary><c>filter</c>: the elements (or keys) whose predicate is true.</summary>
    Filter,
    /// <summary><c>transformMap</c>: the same keys with transformed values, optionally filtered.</summary>
    TransformMap,
    /// <summary><c>transformMapEntry</c>: a map merged from the single-entry maps the transform returns.</summary>
    TransformMapEntry,
}
