using System.Globalization;
using Portcullis.Cel.Library;
using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>Planning of calls: operators, macros, namespaced and member functions.</summary>
internal sealed partial class Planner
{
    /// <summary>Functions whose result may differ between evaluations, so they are never folded.</summary>
    private static readonly HashSet<string> NonDeterministic = new(StringComparer.Ordinal) { "now" };

    private Interpretable PlanCall(CallExpr call)
    {
        var args = call.Args;
        var p = call.Position;
        if (call.Target is null)
        {
            switch (call.Function)
            {
                case Operators.LogicalAnd when args.Count == 2: return new AndNode(p, Plan(args[0]), Plan(args[1]));
                case Operators.LogicalOr when args.Count == 2: return new OrNode(p, Plan(args[0]), Plan(args[1]));
                case Operators.LogicalNot when args.Count == 1: return new NotNode(p, Plan(args[0]));
                case Operators.Conditional when args.Count == 3: return new ConditionalNode(p, Plan(args[0]), Plan(args[1]), Plan(args[2]));
                case Operators.Equal when args.Count == 2: return new EqualityNode(p, Plan(args[0]), Plan(args[1]), negate: false);
                case Operators.NotEqual when args.Count == 2: return new EqualityNode(p, Plan(args[0]), Plan(args[1]), negate: true);
                case Operators.Less when args.Count == 2: return Relation(call, RelationKind.Less);
                case Operators.LessEquals when args.Count == 2: return Relation(call, RelationKind.LessEquals);
                case Operators.Greater when args.Count == 2: return Relation(call, RelationKind.Greater);
                case Operators.GreaterEquals when args.Count == 2: return Relation(call, RelationKind.GreaterEquals);
                case Operators.In when args.Count == 2: return new InNode(p, Plan(args[0]), Plan(args[1]));
                case Operators.Index when args.Count == 2: return new IndexNode(p, Plan(args[0]), Plan(args[1]), optional: false);
                case Operators.OptionalIndex when args.Count == 2: return new IndexNode(p, Plan(args[0]), Plan(args[1]), optional: true);
                case "has" when options.EnableMacros && args.Count == 1: return PlanHas(call);
            }
            return Function(call, call.Function, member: false, args);
        }

        if (TryQualifiedName(call.Target, out var parts) && !IsLocal(parts[0]))
        {
            var qualified = string.Join('.', parts).TrimStart('.') + "." + call.Function;
            if (qualified.StartsWith("cel.", StringComparison.Ordinal) && options.EnableMacros && TryPlanCelNamespace(call, qualified) is { } special)
                return special;
            if (functions.HasGlobal(qualified)) return Function(call, qualified, member: false, args);
        }

        if (options.EnableMacros && TryPlanMacro(call) is { } macro) return macro;
        return Function(call, call.Function, member: true, [call.Target, .. args]);
    }

    private RelationNode Relation(CallExpr call, RelationKind kind) =>
        new(call.Position, Plan(call.Args[0]), Plan(call.Args[1]), kind, call.Function);

    private Interpretable Function(CallExpr call, string name, bool member, IReadOnlyList<Expr> args)
    {
        var planned = args.Select(Plan).ToArray();
        if (!functions.TryGet(name, member, args.Count, out var function))
        {
            var message = functions.HasAny(name)
                ? $"found no matching overload for '{name}' applied to {args.Count} argument{(args.Count == 1 ? "" : "s")}{(member ? " (as a member call)" : "")}"
                : $"undeclared reference to function '{name}'";
            if (!options.DeferUnknownFunctionErrors) return Error(call.Position, message);
            function = _ => CelValue.Error(message);
        }
        var node = new CallNode(call.Position, name, function, planned, options.MaxValueSize);
        return NonDeterministic.Contains(name) ? node : FoldIfConstant(node, planned);
    }

    private Interpretable PlanHas(CallExpr call)
    {
        if (call.Args[0] is not SelectExpr { IsOptional: false } select)
            return Error(call.Position, "invalid argument to has() macro: expected a field selection such as has(a.b)");
        return new PresenceNode(call.Position, Plan(select.Operand), select.Field);
    }

    private Interpretable? TryPlanCelNamespace(CallExpr call, string qualified)
    {
        var args = call.Args;
        switch (qualified)
        {
            case "cel.bind" when args.Count == 3:
                if (VariableName(args[0]) is not { } name) return Error(args[0].Position, "cel.bind() variable must be a simple name");
                var init = Plan(args[1]);
                var body = WithLocals(() => Plan(args[2]), name);
                return new BindNode(call.Position, name, init, body, options.MaxComprehensionIterations);
            case "cel.block" when args.Count == 2:
                if (args[0] is not ListExpr slots) return Error(args[0].Position, "cel.block() expects a list of expressions");
                return new BlockNode(call.Position, slots.Elements.Select(e => Plan(e.Value)).ToArray(), Plan(args[1]));
            case "cel.index" when args.Count == 1:
                return args[0] is ConstantExpr { Value.Kind: CelValueKind.Int } index
                    ? new BlockIndexNode(call.Position, (int)index.Value.AsInt)
                    : Error(call.Position, "cel.index() expects an int literal");
            case "cel.iterVar" or "cel.accuVar" when VariableName(call) is { } local:
                return new LocalNode(call.Position, local);
            default:
                return null;
        }
    }

    /// <summary>Returns the variable a macro argument names: a plain identifier or <c>cel.iterVar(i, j)</c>.</summary>
    private static string? VariableName(Expr expr) => expr switch
    {
        IdentExpr { Name: var n } when !n.StartsWith('.') => n,
        CallExpr { Target: IdentExpr { Name: "cel" }, Function: var f, Args: [ConstantExpr { Value.Kind: CelValueKind.Int } a, ConstantExpr { Value.Kind: CelValueKind.Int } b] }
            when f is "iterVar" or "accuVar" =>
            string.Create(CultureInfo.InvariantCulture, $"@{f}:{a.Value.AsInt}:{b.Value.AsInt}"),
        _ => null,
    };

    private Interpretable WithLocals(Func<Interpretable> plan, params string?[] names)
    {
        var added = 0;
        foreach (var name in names)
        {
            if (name is null) continue;
            _locals.Add(name);
            added++;
        }
        try
        {
            return plan();
        }
        finally
        {
            _locals.RemoveRange(_locals.Count - added, added);
        }
    }
}
