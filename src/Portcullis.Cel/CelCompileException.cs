using Portcullis.Cel.Syntax;

namespace Portcullis.Cel;

/// <summary>Thrown when an expression cannot be compiled; lists every problem with its line and column.</summary>
public sealed class CelCompileException : Exception
{
    /// <summary>Creates the exception for <paramref name="diagnostics"/> (at least one).</summary>
    public CelCompileException(IReadOnlyList<CelDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public CelCompileException()
        : this([])
    {
    }

    public CelCompileException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public CelCompileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Gets the problems found, in source order.</summary>
    public IReadOnlyList<CelDiagnostic> Diagnostics { get; }
}
