namespace Portcullis.Cel.Evaluation;

/// <summary>The ordering operators.</summary>
internal enum RelationKind
{
    Less,
    LessEquals,
    Greater,
    GreaterEquals,
}
