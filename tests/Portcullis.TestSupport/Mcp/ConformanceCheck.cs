using System.Globalization;

namespace Portcullis.TestSupport.Mcp;

/// <summary>One check of an MCP conformance run: the scenario it belongs to, its id, and its status
/// (<c>SUCCESS</c>, <c>FAILURE</c>, <c>WARNING</c>, ...), with the suite's message for information only.</summary>
public sealed record ConformanceCheck(string Scenario, string Id, string Status, string? Message = null)
{
    /// <summary>Gets the key that identifies the check within a run: <c>scenario id</c>.</summary>
    public string Key => $"{Scenario} {Id}";

    /// <summary>Returns the baseline line: <c>scenario id STATUS</c>, then <c># message</c> when there is one.</summary>
    public string ToBaselineLine() =>
        Message is { Length: > 0 } message
            ? string.Create(CultureInfo.InvariantCulture, $"{Scenario} {Id} {Status}  # {message.ReplaceLineEndings(" ")}")
            : $"{Scenario} {Id} {Status}";

    /// <summary>Reads a baseline line written by <see cref="ToBaselineLine"/> (the comment is dropped); null for a blank
    /// or comment line.</summary>
    /// <exception cref="FormatException">The line does not have the three fields.</exception>
    public static ConformanceCheck? ParseBaselineLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        var fields = (hash < 0 ? line : line[..hash]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0) return null;
        if (fields.Length != 3) throw new FormatException($"A baseline line is `scenario check-id STATUS  # comment`, not: {line}");
        return new ConformanceCheck(fields[0], fields[1], fields[2]);
    }
}
