using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>operand[key]</c> or, when optional, <c>operand[?key]</c>.</summary>
internal sealed class IndexNode(int position, Interpretable operand, Interpretable key, bool optional) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var container = operand.Eval(activation);
        if (container.IsError) return container;
        var k = key.Eval(activation);
        return Locate(optional ? Access.OptionalIndex(container, k) : Access.Index(container, k));
    }
}
