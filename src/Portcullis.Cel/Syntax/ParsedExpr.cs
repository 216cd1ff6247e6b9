namespace Portcullis.Cel.Syntax;

/// <summary>A parsed node with the depth of the tree below it (a leaf has depth 0).</summary>
internal readonly record struct ParsedExpr(Expr Expr, int Depth);
