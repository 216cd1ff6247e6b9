using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>&lt; &lt;= &gt; &gt;=</c>: ordered across int, uint and double; any comparison with NaN is false.</summary>
internal sealed class RelationNode(int position, Interpretable left, Interpretable right, RelationKind kind, string function) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var l = left.Eval(activation);
        if (l.IsError) return l;
        var r = right.Eval(activation);
        if (r.IsError) return r;
        switch (CelOperators.Compare(l, r, out var c))
        {
            case CelOrdering.Ordered:
                return CelValue.Bool(kind switch
                {
                    RelationKind.Less => c < 0,
                    RelationKind.LessEquals => c <= 0,
                    RelationKind.Greater => c > 0,
                    _ => c >= 0,
                });
            case CelOrdering.Unordered:
                return CelValue.False;
            default:
                return Fail(CelError.NoSuchOverload(function, l, r).Message);
        }
    }
}
