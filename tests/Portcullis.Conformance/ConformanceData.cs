using System.Text.Json;

namespace Portcullis.Conformance;

/// <summary>The conformance suite, read once per process by running <c>tools/cel-conformance-to-json.mjs</c>.</summary>
internal sealed class ConformanceData
{
    private static readonly Lazy<ConformanceData> Cached = new(Load);

    private ConformanceData(IReadOnlyList<ConformanceCase> all)
    {
        All = all;
        var inScope = new List<ConformanceCase>();
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in all)
        {
            var reason = ConformanceScope.ExclusionReason(c);
            if (reason is null)
            {
                inScope.Add(c);
            }
            else
            {
                var rule = reason.StartsWith("suite ", StringComparison.Ordinal) ? "suite needs protobuf messages" : reason;
                rule = rule.StartsWith("container ", StringComparison.Ordinal) ? "container is a protobuf package" : rule;
                excluded[rule] = excluded.GetValueOrDefault(rule) + 1;
            }
        }
        InScope = inScope;
        ExcludedByRule = excluded;
        ById = inScope.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>Gets the data, loading it on first use (throws with a clear message when node is unusable).</summary>
    public static ConformanceData Instance => Cached.Value;

    /// <summary>Gets every case of the suite.</summary>
    public IReadOnlyList<ConformanceCase> All { get; }

    /// <summary>Gets the cases in scope, in suite order.</summary>
    public IReadOnlyList<ConformanceCase> InScope { get; }

    /// <summary>Gets the in-scope cases by id.</summary>
    public IReadOnlyDictionary<string, ConformanceCase> ById { get; }

    /// <summary>Gets how many cases each exclusion rule removed.</summary>
    public IReadOnlyDictionary<string, int> ExcludedByRule { get; }

    /// <summary>Gets the number of excluded cases.</summary>
    public int ExcludedCount => All.Count - InScope.Count;

    /// <summary>Returns the scope counts as one line.</summary>
    public string ScopeLine() => $"{All.Count} cases in total, {ExcludedCount} excluded by rule, {InScope.Count} in scope";

    private static ConformanceData Load()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cel-conformance-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        try
        {
            NodeTool.Run("cel-conformance-to-json.mjs", file);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var cases = new List<ConformanceCase>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var suite = e.GetProperty("suite").GetString()!;
                var section = e.GetProperty("section").GetString()!;
                var name = e.GetProperty("name").GetString()!;
                var id = $"{suite}/{section}/{name}";
                var n = seen[id] = seen.GetValueOrDefault(id) + 1;
                if (n > 1) id += "@" + n;
                cases.Add(new ConformanceCase(id, suite, section, name, e.GetProperty("original").Clone()));
            }
            return new ConformanceData(cases);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
