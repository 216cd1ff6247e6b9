using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>left || right</c> with CEL's commutative error absorption: true wins over errors.</summary>
internal sealed class OrNode(int position, Interpretable left, Interpretable right) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var l = left.Eval(activation);
        if (l.Kind == CelValueKind.Bool && l.AsBool) return CelValue.True;
        var r = right.Eval(activation);
        if (r.Kind == CelValueKind.Bool)
        {
            if (r.AsBool) return CelValue.True;
            if (l.Kind == CelValueKind.Bool) return CelValue.False;
        }
        if (l.IsError) return l;
        if (r.IsError) return r;
        return Fail(CelError.NoSuchOverload("_||_", l, r).Message);
    }
}
