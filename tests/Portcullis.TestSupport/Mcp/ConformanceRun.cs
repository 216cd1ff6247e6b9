namespace Portcullis.TestSupport.Mcp;

/// <summary>The result of one MCP conformance run: every check of every scenario, ordered by scenario and id.</summary>
/// <param name="ExitCode">The suite's exit code (0 only when every check passed).</param>
/// <param name="Checks">The checks read from the suite's <c>checks.json</c> files.</param>
/// <param name="Output">The last lines the suite printed, for failure messages.</param>
public sealed record ConformanceRun(int ExitCode, IReadOnlyList<ConformanceCheck> Checks, string Output)
{
    /// <summary>Returns the run as baseline text: <paramref name="header"/> as <c>#</c> comment lines, then one line per
    /// check (<see cref="ConformanceCheck.ToBaselineLine"/>).</summary>
    public string ToBaseline(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var comments = header.ReplaceLineEndings("\n").Split('\n').Select(line => "# " + line);
        return string.Join('\n', comments.Concat(Checks.Select(c => c.ToBaselineLine()))) + "\n";
    }

    /// <summary>Returns one sentence per difference from <paramref name="baseline"/> (a check whose status changed, a
    /// check missing from this run, a check the baseline does not have); empty when the run matches.</summary>
    public IReadOnlyList<string> DifferencesFrom(IReadOnlyList<ConformanceCheck> baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var actual = Checks.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var expected = baseline.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var check in baseline)
        {
            if (!actual.TryGetValue(check.Key, out var now)) differences.Add($"{check.Key}: in the baseline ({check.Status}) but not run");
            else if (now.Status != check.Status) differences.Add($"{check.Key}: {check.Status} in the baseline, {now.Status} now ({now.Message})");
        }
        foreach (var check in Checks.Where(c => !expected.ContainsKey(c.Key)))
        {
            differences.Add($"{check.Key}: {check.Status} now, not in the baseline");
        }
        return differences;
    }

    /// <summary>Reads a baseline written by <see cref="ToBaseline"/>.</summary>
    public static IReadOnlyList<ConformanceCheck> ReadBaseline(string path) =>
        File.ReadAllLines(path).Select(ConformanceCheck.ParseBaselineLine).OfType<ConformanceCheck>().ToList();
}
