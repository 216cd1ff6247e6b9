namespace Portcullis.TestSupport;

/// <summary>What one run of the <c>portcullis</c> executable left behind: its exit code and both streams, trimmed.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Standard output, trimmed.</param>
/// <param name="Stderr">Standard error, trimmed.</param>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Gets the non-empty lines of standard error.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
