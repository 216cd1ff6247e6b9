namespace Portcullis.Cel.Evaluation;

/// <summary>Counts comprehension iterations across one evaluation so that no expression can loop without bound.</summary>
internal sealed class IterationBudget(int limit)
{
    private int _used;

    public int Limit { get; } = limit;

    /// <summary>Takes one iteration; returns false once the limit is exceeded.</summary>
    public bool TryTake() => ++_used <= Limit;
}
