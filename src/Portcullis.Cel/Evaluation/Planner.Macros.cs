using Portcullis.Cel.Syntax;

namespace Portcullis.Cel.Evaluation;

/// <summary>Expansion of the receiver-style macros (<c>all</c>, <c>exists</c>, <c>map</c>, ...).</summary>
internal sealed partial class Planner
{
    private Interpretable? TryPlanMacro(CallExpr call)
    {
        var args = call.Args;
        var (kind, variables, hasFilter) = (call.Function, args.Count) switch
        {
            ("all", 2) => (ComprehensionKind.All, 1, false),
            ("all", 3) => (ComprehensionKind.All, 2, false),
            ("exists", 2) => (ComprehensionKind.Exists, 1, false),
            ("exists", 3) => (ComprehensionKind.Exists, 2, false),
            ("exists_one" or "existsOne", 2) => (ComprehensionKind.ExistsOne, 1, false),
            ("exists_one" or "existsOne", 3) => (ComprehensionKind.ExistsOne, 2, false),
            ("map", 2) => (ComprehensionKind.TransformList, 1, false),
            ("map", 3) => (ComprehensionKind.TransformList, 1, true),
            ("filter", 2) => (ComprehensionKind.Filter, 1, true),
            ("transformList", 3) => (ComprehensionKind.TransformList, 2, false),
            ("transformList", 4) => (ComprehensionKind.TransformList, 2, true),
            ("transformMap", 3) => (ComprehensionKind.TransformMap, 2, false),
            ("transformMap", 4) => (ComprehensionKind.TransformMap, 2, true),
            ("transformMapEntry", 3) => (ComprehensionKind.TransformMapEntry, 2, false),
            ("transformMapEntry", 4) => (ComprehensionKind.TransformMapEntry, 2, true),
            ("optMap" or "optFlatMap", 2) => ((ComprehensionKind?)null, 1, false),
            _ => ((ComprehensionKind?)null, 0, false),
        };
        if (variables == 0) return null;

        var var1 = VariableName(args[0]);
        var var2 = variables == 2 ? VariableName(args[1]) : null;
        if (var1 is null || (variables == 2 && var2 is null))
            return Error(call.Position, $"{call.Function}() macro variables must be simple names");
        if (var1 == var2) return Error(args[1].Position, $"{call.Function}() macro variables must differ");

        var target = Plan(call.Target!);
        if (kind is null)
        {
            var body = WithLocals(() => Plan(args[1]), var1);
            return new OptionalMapNode(call.Position, target, var1, body, call.Function == "optFlatMap", options.MaxComprehensionIterations);
        }

        var rest = args.Skip(variables).ToArray();
        Interpretable? predicate = null, transform = null;
        switch (kind.Value)
        {
            case ComprehensionKind.All or ComprehensionKind.Exists or ComprehensionKind.ExistsOne or ComprehensionKind.Filter:
                predicate = WithLocals(() => Plan(rest[0]), var1, var2);
                break;
            default:
                if (hasFilter) predicate = WithLocals(() => Plan(rest[0]), var1, var2);
                transform = WithLocals(() => Plan(rest[^1]), var1, var2);
                break;
        }
        return new ComprehensionNode(call.Position, kind.Value, target, var1, var2, predicate, transform, options.MaxComprehensionIterations);
    }
}
