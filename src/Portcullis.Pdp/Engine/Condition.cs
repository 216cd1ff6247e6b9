using Portcullis.Cel;

namespace Portcullis.Pdp.Engine;

/// <summary>A compiled condition (<c>match</c> block), evaluated in order with Cerbos's short-circuits. As in Cerbos,
/// an expression that fails to evaluate counts as false (so it grants nothing, and inside <c>none</c> it does not
/// block), and a result that is not a boolean counts as false; the failure is still reported.</summary>
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

    /// <summary>Evaluates the condition; <paramref name="error"/> names the first expression failure met, if any.</summary>
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
                    return ConditionOutcome.False;
                }
                return value.Kind == Cel.Values.CelValueKind.Bool && value.AsBool ? ConditionOutcome.True : ConditionOutcome.False;
            case ConditionKind.All:
                foreach (var child in _children)
                {
                    var outcome = child.Evaluate(context, out var childError);
                    error ??= childError;
                    if (outcome != ConditionOutcome.True) return outcome;
                }
                return ConditionOutcome.True;
            case ConditionKind.Any:
                foreach (var child in _children)
                {
                    var outcome = child.Evaluate(context, out var childError);
                    error ??= childError;
                    if (outcome != ConditionOutcome.False) return outcome;
                }
                return ConditionOutcome.False;
            default:
                foreach (var child in _children)
                {
                    var outcome = child.Evaluate(context, out var childError);
                    error ??= childError;
                    if (outcome == ConditionOutcome.Error) return outcome;
                    if (outcome == ConditionOutcome.True) return ConditionOutcome.False;
                }
                return ConditionOutcome.True;
        }
    }
}
