using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>left == right</c>, or <c>!=</c> when negated, with heterogeneous numeric equality.</summary>
internal sealed class EqualityNode(int position, Interpretable left, Interpretable right, bool negate) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var l = left.Eval(activation);
        if (l.IsError) return l;
        var r = right.Eval(activation);
        if (r.IsError) return r;
        return CelValue.Bool(CelOperators.EqualsValue(l, r) != negate);
    }
}
