using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary><c>cel.bind(name, init, body)</c>: evaluates <c>init</c> once and makes it visible as <c>name</c> in <c>body</c>.</summary>
internal sealed class BindNode(int position, string name, Interpretable init, Interpretable body, int iterationLimit) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation)
    {
        var scope = new Scope(activation, name, null, iterationLimit) { Value1 = init.Eval(activation) };
        return body.Eval(scope);
    }
}
