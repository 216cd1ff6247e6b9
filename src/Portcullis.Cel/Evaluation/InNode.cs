using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>element in collection</c>.</summary>
internal sealed class InNode(int position, Interpretable element, Interpretable collection) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var e = element.Eval(activation);
        if (e.IsError) return e;
        return Locate(Access.In(e, collection.Eval(activation)));
    }
}
