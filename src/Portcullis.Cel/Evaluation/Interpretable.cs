using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>A planned, immutable node of a compiled expression. Evaluation never throws for expected failures:
/// errors are returned as values.</summary>
internal abstract class Interpretable(int position)
{
    /// <summary>Gets the source offset of the expression this node evaluates, for error locations.</summary>
    public int Position { get; } = position;

    /// <summary>Evaluates this node against <paramref name="activation"/>.</summary>
    public abstract CelValue Eval(ICelActivation activation);

    /// <summary>Creates an error value located at this node.</summary>
    protected CelValue Fail(string message) => CelValue.Error(new CelError(message, Position));

    /// <summary>Returns <paramref name="value"/> with its error located at this node when it has no location yet.</summary>
    protected CelValue Locate(in CelValue value) =>
        value.IsError && value.AsError.Position < 0 ? CelValue.Error(value.AsError.At(Position)) : value;
}
