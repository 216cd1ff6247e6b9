using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>has(operand.field)</c>: whether the field is present, without failing when it is not.</summary>
internal sealed class PresenceNode(int position, Interpretable operand, string field) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation) => Locate(Access.Has(operand.Eval(activation), field));
}
