using System.Globalization;
using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Tests.Syntax;

/// <summary>Renders a parsed tree compactly, e.g. <c>_+_(a, _*_(b, c))</c>, so tests can state the expected shape.</summary>
internal static class ExprPrinter
{
    public static string Print(Expr expr) => expr switch
    {
        ConstantExpr c => PrintValue(c.Value),
        IdentExpr i => i.Name,
        SelectExpr s => Print(s.Operand) + (s.IsOptional ? ".?" : ".") + s.Field,
        CallExpr { Target: null } call => call.Function + "(" + string.Join(", ", call.Args.Select(Print)) + ")",
        CallExpr call => Print(call.Target) + "." + call.Function + "(" + string.Join(", ", call.Args.Select(Print)) + ")",
        ListExpr l => "[" + string.Join(", ", l.Elements.Select(e => (e.IsOptional ? "?" : "") + Print(e.Value))) + "]",
        MapExpr m => "{" + string.Join(", ", m.Entries.Select(e => (e.IsOptional ? "?" : "") + Print(e.Key) + ": " + Print(e.Value))) + "}",
        StructExpr s => s.TypeName + "{" + string.Join(", ", s.Fields.Select(f => (f.IsOptional ? "?" : "") + f.Name + ": " + Print(f.Value))) + "}",
        _ => throw new InvalidOperationException("unknown node " + expr.GetType().Name),
    };

    private static string PrintValue(CelValue value) => value.Kind switch
    {
        CelValueKind.Null => "null",
        CelValueKind.Bool => value.AsBool ? "true" : "false",
        CelValueKind.Int => value.AsInt.ToString(CultureInfo.InvariantCulture),
        CelValueKind.Uint => value.AsUint.ToString(CultureInfo.InvariantCulture) + "u",
        CelValueKind.Double => value.AsDouble.ToString("R", CultureInfo.InvariantCulture) + "d",
        CelValueKind.String => "\"" + value.AsString + "\"",
        CelValueKind.Bytes => "b\"" + Convert.ToHexString(value.AsBytes) + "\"",
        _ => value.ToString(),
    };

    /// <summary>Returns the depth of the tree (a leaf has depth 1).</summary>
    public static int Depth(Expr expr) => 1 + expr switch
    {
        SelectExpr s => Depth(s.Operand),
        CallExpr c => c.Args.Select(Depth).Append(c.Target is null ? 0 : Depth(c.Target)).Max(),
        ListExpr l => l.Elements.Select(e => Depth(e.Value)).DefaultIfEmpty(0).Max(),
        MapExpr m => m.Entries.Select(e => Math.Max(Depth(e.Key), Depth(e.Value))).DefaultIfEmpty(0).Max(),
        StructExpr s => s.Fields.Select(f => Depth(f.Value)).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
