using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>Variables introduced by the expression itself (comprehension variables, <c>cel.bind</c>), chained
/// to the caller's activation. One scope object per comprehension evaluation; its values change per iteration.</summary>
internal sealed class Scope : ICelActivation
{
    public Scope(ICelActivation parent, string name1, string? name2, int iterationLimit)
    {
        Parent = parent;
        Name1 = name1;
        Name2 = name2;
        Budget = FindBudget(parent) ?? new IterationBudget(iterationLimit);
    }

    public ICelActivation Parent { get; }

    public IterationBudget Budget { get; }

    public string Name1 { get; }

    public string? Name2 { get; }

    public CelValue Value1 { get; set; }

    public CelValue Value2 { get; set; }

    public bool TryResolve(string name, out CelValue value)
    {
        if (string.Equals(name, Name1, StringComparison.Ordinal))
        {
            value = Value1;
            return true;
        }
        if (Name2 is not null && string.Equals(name, Name2, StringComparison.Ordinal))
        {
            value = Value2;
            return true;
        }
        return Parent.TryResolve(name, out value);
    }

    private static IterationBudget? FindBudget(ICelActivation activation)
    {
        while (true)
        {
            switch (activation)
            {
                case Scope scope: return scope.Budget;
                case BlockScope block: activation = block.Parent; break;
                default: return null;
            }
        }
    }
}
