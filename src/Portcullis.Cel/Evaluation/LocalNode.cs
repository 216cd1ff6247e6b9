using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>A variable the expression binds itself: a comprehension variable or a <c>cel.bind</c> name.</summary>
internal sealed class LocalNode(int position, string name) : Interpretable(position)
{
    public override CelValue Eval(ICelActivation activation) =>
        activation.TryResolve(name, out var value) ? value : Fail($"undeclared reference to '{name}'");
}
