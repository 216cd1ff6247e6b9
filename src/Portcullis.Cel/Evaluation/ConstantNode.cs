using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>A literal, or a sub-expression folded to a value at compile time.</summary>
internal sealed class ConstantNode(int position, CelValue value) : Interpretable(position)
{
    public CelValue Value { get; } = value;

    public override CelValue Eval(ICelActivation activation) => Value;
}
