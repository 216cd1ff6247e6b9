using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Portcullis.Conformance;

/// <summary>Collects the outcome of every conformance case run in this process, for the summary and for
/// regenerating the skip list.</summary>
internal static class ConformanceResults
{
    private static readonly ConcurrentDictionary<string, (CaseStatus Status, CaseOutcome Outcome)> Results = new(StringComparer.Ordinal);

    /// <summary>Gets the number of cases recorded.</summary>
    public static int Count => Results.Count;

    /// <summary>Records how case <paramref name="id"/> went.</summary>
    public static void Record(string id, CaseStatus status, CaseOutcome outcome) => Results[id] = (status, outcome);

    /// <summary>Writes <c>artifacts/cel-conformance-summary.txt</c>: pass/skip/fail per suite, totals and the
    /// pass percentage of the in-scope cases.</summary>
    public static string WriteSummary(ConformanceData data)
    {
        var text = new StringBuilder();
        text.AppendLine("CEL conformance (@bufbuild/cel-spec testdata)");
        text.AppendLine($"Scope: {data.ScopeLine()}");
        foreach (var (rule, count) in data.ExcludedByRule.OrderByDescending(e => e.Value))
        {
            text.AppendLine($"  excluded: {count,5}  {rule}");
        }
        text.AppendLine();
        text.AppendLine($"{"suite",-20} {"pass",6} {"skip",6} {"fail",6} {"not run",8}");
        int pass = 0, skip = 0, fail = 0, notRun = 0;
        foreach (var suite in data.InScope.GroupBy(c => c.Suite))
        {
            int p = 0, s = 0, f = 0, n = 0;
            foreach (var c in suite)
            {
                if (!Results.TryGetValue(c.Id, out var r)) n++;
                else if (r.Status == CaseStatus.Passed) p++;
                else if (r.Status == CaseStatus.Skipped) s++;
                else f++;
            }
            text.AppendLine($"{suite.Key,-20} {p,6} {s,6} {f,6} {n,8}");
            (pass, skip, fail, notRun) = (pass + p, skip + s, fail + f, notRun + n);
        }
        text.AppendLine($"{"total",-20} {pass,6} {skip,6} {fail,6} {notRun,8}");
        var percent = data.InScope.Count == 0 ? 0 : 100.0 * pass / data.InScope.Count;
        text.AppendLine(CultureInfo.InvariantCulture, $"Passing: {pass} of {data.InScope.Count} in-scope cases ({percent:F1}%)");
        var result = text.ToString();
        File.WriteAllText(Path.Combine(RepoPaths.Artifacts, "cel-conformance-summary.txt"), result);
        return result;
    }

    /// <summary>Rewrites the skip list from the recorded failures. Cases not run in this process keep their
    /// existing entry; reasons already written are kept; new entries get <c>TODO: first line of the failure</c>.</summary>
    public static void WriteSkipList(ConformanceData data, IReadOnlyDictionary<string, string> existing)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var c in data.InScope)
        {
            if (!Results.TryGetValue(c.Id, out var r))
            {
                if (existing.TryGetValue(c.Id, out var kept)) entries.Add(new(c.Id, kept));
                continue;
            }
            if (r.Outcome.Passed) continue;
            var reason = existing.TryGetValue(c.Id, out var old) && !old.StartsWith("TODO", StringComparison.Ordinal)
                ? old
                : c.CheckOnly ? "needs type checker" : "TODO: " + r.Outcome.FirstLine;
            entries.Add(new(c.Id, reason));
        }
        SkipList.Write(entries);
    }
}
