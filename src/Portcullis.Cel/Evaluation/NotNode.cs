using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>!operand</c>.</summary>
internal sealed class NotNode(int position, Interpretable operand) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var v = operand.Eval(activation);
        return v.Kind switch
        {
            CelValueKind.Bool => CelValue.Bool(!v.AsBool),
            CelValueKind.Error => v,
            _ => Fail(CelError.NoSuchOverload("!_", v).Message),
        };
    }
}
