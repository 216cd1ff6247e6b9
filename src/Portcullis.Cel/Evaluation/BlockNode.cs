using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>cel.block([slots], result)</c>: common sub-expressions computed once, lazily.</summary>
internal sealed class BlockNode(int position, Interpretable[] slots, Interpretable result) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation) => result.Eval(new BlockScope(activation, slots));
}
