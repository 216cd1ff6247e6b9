using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Cel;

/// <summary>A compiled expression: compile once, evaluate many times from any number of threads.</summary>
public sealed class CelProgram
{
    private CelProgram(string source, Expr ast)
    {
        Source = source;
        Ast = ast;
    }

    /// <summary>Gets the expression's source text.</summary>
    public string Source { get; }

    /// <summary>Gets the parsed expression.</summary>
    public Expr Ast { get; }

    /// <summary>Compiles <paramref name="source"/>; throws <see cref="CelCompileException"/> with line and column on error.</summary>
    public static CelProgram Compile(string source, CelOptions? options = null)
    {
        var ast = CelParser.Parse(source, options ?? CelOptions.Default);
        return new CelProgram(source, ast);
    }

    /// <summary>Evaluates the expression; errors come back as <see cref="CelValueKind.Error"/> values, never as exceptions.</summary>
    public CelValue Evaluate(ICelActivation activation) => throw new NotImplementedException();
}
