using Portcullis.Cel.Library;
using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>Finds names an expression uses that Cerbos would reject at compile time: unknown top-level identifiers,
/// undefined variables and constants, unknown fields of <c>request</c>, <c>P</c>, <c>R</c> and <c>runtime</c>.
/// Also lists the variables an expression uses, to find cycles.</summary>
internal sealed class ExpressionChecker(CelFunctionRegistry functions, ISet<string> variables, ISet<string> constants)
{
    private static readonly HashSet<string> Roots = new(StringComparer.Ordinal)
        { "request", "P", "R", "V", "C", "G", "variables", "constants", "globals", "runtime" };
    private static readonly HashSet<string> RequestFields = new(StringComparer.Ordinal) { "principal", "resource", "aux_data", "auxData", "context" };
    private static readonly HashSet<string> PrincipalFields = new(StringComparer.Ordinal) { "id", "roles", "attr", "policyVersion", "scope" };
    private static readonly HashSet<string> ResourceFields = new(StringComparer.Ordinal) { "kind", "id", "attr", "policyVersion", "scope" };
    private static readonly HashSet<string> RuntimeFields = new(StringComparer.Ordinal) { "effectiveDerivedRoles", "effective_derived_roles" };
    private static readonly HashSet<string> Comprehensions = new(StringComparer.Ordinal)
        { "all", "exists", "exists_one", "existsOne", "map", "filter", "transformList", "transformMap", "transformMapEntry", "optMap", "optFlatMap", "sortBy" };

    /// <summary>Gets the problems found: offset in the expression and message.</summary>
    public List<(int Position, string Message)> Problems { get; } = [];

    /// <summary>Gets the variables the expression refers to.</summary>
    public HashSet<string> UsedVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>Checks <paramref name="expr"/>.</summary>
    public void Check(Expr expr) => Walk(expr, []);

    private void Walk(Expr expr, List<string> locals)
    {
        switch (expr)
        {
            case IdentExpr ident:
                CheckChain(ident, [ident.Name], locals, presence: false);
                break;
            case SelectExpr select:
                if (Chain(select) is { } parts) CheckChain(select, parts, locals, presence: false);
                else Walk(select.Operand, locals);
                break;
            case CallExpr call:
                WalkCall(call, locals);
                break;
            case ListExpr list:
                foreach (var element in list.Elements) Walk(element.Value, locals);
                break;
            case MapExpr map:
                foreach (var entry in map.Entries)
                {
                    Walk(entry.Key, locals);
                    Walk(entry.Value, locals);
                }
                break;
            case StructExpr structure:
                foreach (var field in structure.Fields) Walk(field.Value, locals);
                break;
        }
    }

    private void WalkCall(CallExpr call, List<string> locals)
    {
        if (call is { Target: null, Function: "has" } && call.Args.Count == 1 && call.Args[0] is SelectExpr presence)
        {
            if (Chain(presence.Operand) is { } parts) CheckChain(presence, parts, locals, presence: true);
            else Walk(presence.Operand, locals);
            return;
        }
        if (call.Target is { } target)
        {
            var qualified = Chain(target);
            if (qualified is not null && !locals.Contains(qualified[0]) && functions.HasGlobal(string.Join('.', qualified) + "." + call.Function))
            {
                if (qualified is ["cel"] && call.Function == "bind" && call.Args is [IdentExpr name, var init, var body])
                {
                    Walk(init, locals);
                    Walk(body, [.. locals, name.Name]);
                    return;
                }
                foreach (var arg in call.Args) Walk(arg, locals);
                return;
            }
            if (qualified is ["cel"] && call.Function is "bind" or "block")
            {
                if (call.Function == "bind" && call.Args is [IdentExpr name, var init, var body])
                {
                    Walk(init, locals);
                    Walk(body, [.. locals, name.Name]);
                }
                return;
            }
            Walk(target, locals);
            if (Comprehensions.Contains(call.Function) && call.Args.Count >= 2 && call.Args[0] is IdentExpr first)
            {
                var bound = new List<string>(locals) { first.Name };
                var start = 1;
                if (call.Args.Count >= 3 && call.Args[1] is IdentExpr second && call.Function is not ("map" or "filter" or "optMap" or "optFlatMap"))
                {
                    bound.Add(second.Name);
                    start = 2;
                }
                for (var i = start; i < call.Args.Count; i++) Walk(call.Args[i], bound);
                return;
            }
        }
        foreach (var arg in call.Args) Walk(arg, locals);
    }

    private static List<string>? Chain(Expr expr)
    {
        var parts = new List<string>();
        while (expr is SelectExpr { IsOptional: false } select)
        {
            parts.Add(select.Field);
            expr = select.Operand;
        }
        if (expr is not IdentExpr ident) return null;
        parts.Add(ident.Name);
        parts.Reverse();
        return parts;
    }

    private void CheckChain(Expr at, List<string> parts, List<string> locals, bool presence)
    {
        var root = parts[0];
        if (locals.Contains(root) || root.StartsWith('@')) return;
        if (!Roots.Contains(root))
        {
            if (!CelType.ByIdentifier.ContainsKey(string.Join('.', parts)) && !CelType.ByIdentifier.ContainsKey(root))
                Problems.Add((RootOf(at).Position, $"undeclared reference to '{root}'"));
            return;
        }
        var known = parts.Count;
        switch (root)
        {
            case "V" or "variables" when known >= 2:
                if (variables.Contains(parts[1])) UsedVariables.Add(parts[1]);
                else Problems.Add((at.Position, $"undefined variable '{parts[1]}'"));
                break;
            case "V" or "variables" when presence:
                break;
            case "V" or "variables":
                UsedVariables.UnionWith(variables);
                break;
            case "C" or "constants" when known >= 2 && !constants.Contains(parts[1]):
                Problems.Add((at.Position, $"undefined constant '{parts[1]}'"));
                break;
            case "request" when known >= 2:
                if (!RequestFields.Contains(parts[1])) Problems.Add((at.Position, $"request has no field '{parts[1]}'"));
                else if (known >= 3) CheckEntity(at, parts[1] == "principal" ? PrincipalFields : parts[1] == "resource" ? ResourceFields : null, parts[1], parts[2]);
                break;
            case "P" or "R" when known >= 2:
                CheckEntity(at, root == "P" ? PrincipalFields : ResourceFields, root, parts[1]);
                break;
            case "runtime" when known >= 2 && !RuntimeFields.Contains(parts[1]):
                Problems.Add((at.Position, $"runtime has no field '{parts[1]}'"));
                break;
        }
    }

    private static Expr RootOf(Expr expr)
    {
        while (expr is SelectExpr select) expr = select.Operand;
        return expr;
    }

    private void CheckEntity(Expr at, HashSet<string>? fields, string owner, string field)
    {
        if (fields is not null && !fields.Contains(field)) Problems.Add((at.Position, $"{owner} has no field '{field}'"));
    }
}
