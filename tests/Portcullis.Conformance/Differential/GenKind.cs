namespace Portcullis.Conformance.Differential;

/// <summary>The kinds of types the expression generator builds expressions of.</summary>
internal enum GenKind
{
    Int,
    Uint,
    Double,
    String,
    Bool,
    Bytes,
    List,
    Map,
}
