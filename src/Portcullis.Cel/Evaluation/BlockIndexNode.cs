using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>cel.index(n)</c>: the value of slot n of the enclosing <c>cel.block</c>.</summary>
internal sealed class BlockIndexNode(int position, int index) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        while (true)
        {
            switch (activation)
            {
                case BlockScope block: return block.Slot(index);
                case Scope scope: activation = scope.Parent; break;
                default: return Fail($"cel.index({index}) used outside cel.block");
            }
        }
    }
}
