using System.Text;
using Portcullis.Pdp.Loading;

namespace Portcullis.Pdp.Service;

/// <summary>Thrown at start-up when policies or directory cannot be loaded; its message lists every problem, one per line.</summary>
public sealed class PdpLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="diagnostics"/>.</summary>
    public PdpLoadException(IReadOnlyList<SourceDiagnostic> diagnostics)
        : base(Describe(diagnostics ?? throw new ArgumentNullException(nameof(diagnostics)))) => Diagnostics = diagnostics;

    /// <summary>Creates the exception with no diagnostics.</summary>
    public PdpLoadException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no diagnostics.</summary>
    public PdpLoadException(string message)
        : base(message) => Diagnostics = [];

    /// <summary>Creates the exception with a message, a cause and no diagnostics.</summary>
    public PdpLoadException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    /// <summary>Gets every problem found, with file and line.</summary>
    public IReadOnlyList<SourceDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<SourceDiagnostic> diagnostics)
    {
        var text = new StringBuilder();
        text.Append("The PDP could not load its policies and directory (")
            .Append(diagnostics.Count).Append(diagnostics.Count == 1 ? " problem):" : " problems):");
        foreach (var diagnostic in diagnostics) text.AppendLine().Append(diagnostic);
        return text.ToString();
    }
}
