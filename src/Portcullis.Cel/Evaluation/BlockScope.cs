using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>The slots of a <c>cel.block</c>: each is evaluated at most once, when first referenced.</summary>
internal sealed class BlockScope(ICelActivation parent, Interpretable[] slots) : ICelActivation
{
    private readonly CelValue[] _values = new CelValue[slots.Length];
    private readonly bool[] _done = new bool[slots.Length];

    public ICelActivation Parent { get; } = parent;

    public bool TryResolve(string name, out CelValue value) => Parent.TryResolve(name, out value);

    public CelValue Slot(int index)
    {
        if (!_done[index])
        {
            // Slots may refer only to earlier slots, so evaluation in this scope cannot recurse forever.
            _values[index] = slots[index].Eval(this);
            _done[index] = true;
        }
        return _values[index];
    }
}
