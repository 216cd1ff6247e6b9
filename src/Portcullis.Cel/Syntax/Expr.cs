using Portcullis.Cel.Values;

namespace Portcullis.Cel.Syntax;

/// <summary>A node of a parsed CEL expression.</summary>
/// <param name="Id">A number unique within one parse, in creation order.</param>
/// <param name="Position">The zero-based offset (in UTF-16 code units) where the node starts in the source.</param>
public abstract record Expr(int Id, int Position);

/// <summary>A literal: null, bool, int, uint, double, string or bytes.</summary>
public sealed record ConstantExpr(int Id, int Position, CelValue Value) : Expr(Id, Position);

/// <summary>An identifier, possibly with a leading dot (<c>.x</c>, resolved from the root container).</summary>
public sealed record IdentExpr(int Id, int Position, string Name) : Expr(Id, Position);

/// <summary>A field selection <c>operand.field</c>, or <c>operand.?field</c> when <paramref name="IsOptional"/>.</summary>
public sealed record SelectExpr(int Id, int Position, Expr Operand, string Field, bool IsOptional) : Expr(Id, Position);

/// <summary>A function call. Operators are calls too, named as in the CEL spec (see <see cref="Operators"/>).</summary>
/// <param name="Target">The receiver for member calls (<c>x.f(y)</c>), otherwise null.</param>
public sealed record CallExpr(int Id, int Position, Expr? Target, string Function, IReadOnlyList<Expr> Args) : Expr(Id, Position);

/// <summary>A list literal; elements marked optional (<c>[?x]</c>) are included only when present.</summary>
public sealed record ListExpr(int Id, int Position, IReadOnlyList<ListElement> Elements) : Expr(Id, Position);

/// <summary>One element of a list literal.</summary>
public sealed record ListElement(Expr Value, bool IsOptional);

/// <summary>A map literal; entries marked optional (<c>{?k: v}</c>) are included only when the value is present.</summary>
public sealed record MapExpr(int Id, int Position, IReadOnlyList<MapEntry> Entries) : Expr(Id, Position);

/// <summary>One entry of a map literal.</summary>
public sealed record MapEntry(int Position, Expr Key, Expr Value, bool IsOptional);

/// <summary>A message construction <c>TypeName{field: value}</c>; parsed for completeness, message types are not supported at run time.</summary>
public sealed record StructExpr(int Id, int Position, string TypeName, IReadOnlyList<StructField> Fields) : Expr(Id, Position);

/// <summary>One field of a message construction.</summary>
public sealed record StructField(int Position, string Name, Expr Value, bool IsOptional);
