using Portcullis.Cel;

namespace Portcullis.Pdp.Engine;

/// <summary>A compiled condition (<c>match</c> block). Evaluated in order with Cerbos's short-circuits: the first
/// error ends the evaluation as an error; a result that is not a boolean counts as false.</summary>
internal sealed class Condition
{
    private readonly ConditionKind _kind;
    private readonly CelProgram? _program;
    private readonly Condition[] _children;

    private Condition(ConditionKind kind, CelProgram? program, Condition[] children)
    {
        _kind = kind;
        _program = program;
        _children = children;
    }

    /// <summary>Creates an expression node.</summary>
    public static Condition Expression(CelProgram program) => new(ConditionKind.Expr, program, []);

    /// <summary>Creates an <c>all</c>, <c>any</c> or <c>none</c> node.</summary>
    public static Condition Group(ConditionKind kind, Condition[] children) => new(kind, null, children);

    /// <summary>Evaluates the condition; on <see cref="ConditionOutcome.Error"/>, <paramref name="error"/> says why.</summary>
    public ConditionOutcome Evaluate(EvaluationContext context, out string? error)
    {
        error = null;
        switch (_kind)
        {
            case ConditionKind.Expr:
                var value = _program!.Evaluate(context);
                if (value.IsError)
                {
                    error = value.AsError.Message;
                    return ConditionOutcome.Error;
                }
                return value.Kind == Cel.Values.CelValueKind.Bool && value.AsBool ? ConditionOutcome.True : ConditionOutcome.False;
            case ConditionKind.All:
                foreach (var child in _children)
                {
                    var outcome = child.Evaluate(context, out error);
                    if (outcome != ConditionOutcome.True) return outcome;
                }
                return ConditionOutcome.True;
            case ConditionKind.Any:
                foreach (var child in _children)
                {
                    var outcome = child.Evaluate(context, out error);
                    if (outcome != ConditionOutcome.False) return outcome;
                }
                return ConditionOutcome.False;
            default:
                foreach (var child in _children)
                {
                    var outcome = child.Evaluate(context, out error);
                    if (outcome == ConditionOutcome.Error) return outcome;
                    if (outcome == ConditionOutcome.True) return ConditionOutcome.False;
                }
                return ConditionOutcome.True;
        }
    }
}
