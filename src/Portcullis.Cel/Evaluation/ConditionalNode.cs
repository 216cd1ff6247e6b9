using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>condition ? whenTrue : whenFalse</c>; only the chosen branch is evaluated.</summary>
internal sealed class ConditionalNode(int position, Interpretable condition, Interpretable whenTrue, Interpretable whenFalse) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var c = condition.Eval(activation);
        return c.Kind switch
        {
            CelValueKind.Bool => (c.AsBool ? whenTrue : whenFalse).Eval(activation),
            CelValueKind.Error => c,
            _ => Fail(CelError.NoSuchOverload("_?_:_", c).Message),
        };
    }
}
