using Portcullis.Cel.Library;
using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>
/// Turns a parsed expression into a tree of <see cref="Interpretable"/> nodes: resolves names against the
/// container, expands macros, binds functions, and folds constant sub-expressions. Reports every problem found.
/// </summary>
internal sealed partial class Planner(CelFunctionRegistry functions, CelOptions options, string source)
{
    private readonly List<CelDiagnostic> _errors = [];
    private readonly List<string> _locals = [];

    public IReadOnlyList<CelDiagnostic> Errors => _errors;

    public Interpretable Plan(Expr expr) => expr switch
    {
        ConstantExpr c => new ConstantNode(c.Position, c.Value),
        IdentExpr i => PlanIdent(i),
        SelectExpr s => PlanSelect(s),
        CallExpr c => PlanCall(c),
        ListExpr l => PlanList(l),
        MapExpr m => PlanMap(m),
        StructExpr s => Error(s.Position, $"unknown type '{s.TypeName}': message construction is not supported"),
        _ => Error(expr.Position, $"unsupported expression {expr.GetType().Name}"),
    };

    private Interpretable Error(int position, string message)
    {
        _errors.Add(CelDiagnostic.At(source, position, message));
        return new ConstantNode(position, CelValue.Error(new CelError(message, position)));
    }

    private bool IsLocal(string name) => _locals.Contains(name);

    private Interpretable PlanIdent(IdentExpr ident) =>
        IsLocal(ident.Name) ? new LocalNode(ident.Position, ident.Name) : Attribute(ident.Position, [ident.Name]);

    private Interpretable PlanSelect(SelectExpr select)
    {
        if (!select.IsOptional && TryQualifiedName(select, out var parts) && !IsLocal(parts[0]))
            return Attribute(select.Position, parts);
        return new SelectNode(select.Position, Plan(select.Operand), select.Field, select.IsOptional);
    }

    /// <summary>Returns the parts of <c>a.b.c</c> when <paramref name="expr"/> is a chain of plain selections on an identifier.</summary>
    private static bool TryQualifiedName(Expr expr, out List<string> parts)
    {
        parts = [];
        while (expr is SelectExpr { IsOptional: false } s)
        {
            parts.Add(s.Field);
            expr = s.Operand;
        }
        if (expr is not IdentExpr ident) return false;
        parts.Add(ident.Name);
        parts.Reverse();
        return true;
    }

    private AttributeNode Attribute(int position, List<string> parts)
    {
        var rooted = parts[0].StartsWith('.');
        if (rooted) parts[0] = parts[0][1..];
        var prefixes = rooted ? [""] : ContainerPrefixes();
        var candidates = new List<AttributeNode.Candidate>();
        for (var length = parts.Count; length >= 1; length--)
        {
            var qualified = string.Join('.', parts.Take(length));
            foreach (var prefix in prefixes)
            {
                var name = prefix + qualified;
                CelType.ByIdentifier.TryGetValue(name, out var type);
                candidates.Add(new(name, length - 1, name.Contains('.', StringComparison.Ordinal), type));
            }
        }
        return new AttributeNode(position, [.. candidates], [.. parts.Skip(1)], parts[0]);
    }

    /// <summary>Returns "a.b.", "a.", "" for the container "a.b": the most specific scope first.</summary>
    private List<string> ContainerPrefixes()
    {
        var prefixes = new List<string>();
        var container = options.Container;
        while (!string.IsNullOrEmpty(container))
        {
            prefixes.Add(container + ".");
            var dot = container.LastIndexOf('.');
            container = dot < 0 ? "" : container[..dot];
        }
        prefixes.Add("");
        return prefixes;
    }

    private Interpretable PlanList(ListExpr list)
    {
        var elements = list.Elements.Select(e => Plan(e.Value)).ToArray();
        var optional = list.Elements.Select(e => e.IsOptional).ToArray();
        var node = new ListNode(list.Position, elements, optional);
        return FoldIfConstant(node, elements);
    }

    private Interpretable PlanMap(MapExpr map)
    {
        var keys = map.Entries.Select(e => Plan(e.Key)).ToArray();
        var values = map.Entries.Select(e => Plan(e.Value)).ToArray();
        var node = new MapNode(map.Position, keys, values, map.Entries.Select(e => e.IsOptional).ToArray());
        return FoldIfConstant(node, [.. keys, .. values]);
    }

    /// <summary>Evaluates <paramref name="node"/> now when all its inputs are constants and the result is not an error.</summary>
    private static Interpretable FoldIfConstant(Interpretable node, Interpretable[] inputs)
    {
        if (!inputs.All(i => i is ConstantNode)) return node;
        var value = node.Eval(CelActivation.Empty);
        return value.IsError ? node : new ConstantNode(node.Position, value);
    }
}
