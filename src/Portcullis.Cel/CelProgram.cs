using Portcullis.Cel.Evaluation;
using Portcullis.Cel.Library;
using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Cel;

/// <summary>A compiled expression: compile once, evaluate many times from any number of threads.</summary>
public sealed class CelProgram
{
    private readonly Interpretable _root;

    private CelProgram(string source, Expr ast, Interpretable root)
    {
        Source = source;
        Ast = ast;
        _root = root;
    }

    /// <summary>Gets the expression's source text.</summary>
    public string Source { get; }

    /// <summary>Gets the parsed expression.</summary>
    public Expr Ast { get; }

    /// <summary>Compiles <paramref name="source"/> with the standard library; throws <see cref="CelCompileException"/>
    /// listing every problem with its line and column.</summary>
    public static CelProgram Compile(string source, CelOptions? options = null)
    {
        options ??= CelOptions.Default;
        return Compile(source, options, StandardLibrary.For(options));
    }

    /// <summary>Compiles <paramref name="source"/> against a custom function registry.</summary>
    public static CelProgram Compile(string source, CelOptions options, CelFunctionRegistry functions)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(functions);
        var ast = CelParser.Parse(source, options);
        var planner = new Planner(functions, options, source);
        var root = planner.Plan(ast);
        if (planner.Errors.Count > 0) throw new CelCompileException(planner.Errors);
        return new CelProgram(source, ast, root);
    }

    /// <summary>Evaluates the expression with no variables.</summary>
    public CelValue Evaluate() => Evaluate(CelActivation.Empty);

    /// <summary>Evaluates the expression; errors come back as <see cref="CelValueKind.Error"/> values, never as exceptions.</summary>
    public CelValue Evaluate(ICelActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        try
        {
            return _root.Eval(activation);
        }
#pragma warning disable CA1031 // A defect in one function must fail the decision closed, not crash the host.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return CelValue.Error($"internal error while evaluating: {ex.GetType().Name}");
        }
    }
}
