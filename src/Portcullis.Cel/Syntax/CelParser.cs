namespace Portcullis.Cel.Syntax;

/// <summary>Parses CEL source text into an <see cref="Expr"/> tree.</summary>
public static class CelParser
{
    /// <summary>Parses <paramref name="source"/>; throws <see cref="CelCompileException"/> listing every syntax error.</summary>
    public static Expr Parse(string source, CelOptions? options = null) => throw new NotImplementedException();
}
