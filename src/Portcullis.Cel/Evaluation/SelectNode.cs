using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>operand.field</c> or, when optional, <c>operand.?field</c>.</summary>
internal sealed class SelectNode(int position, Interpretable operand, string field, bool optional) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var value = operand.Eval(activation);
        return Locate(optional ? Access.OptionalSelect(value, field) : Access.Select(value, field));
    }
}
