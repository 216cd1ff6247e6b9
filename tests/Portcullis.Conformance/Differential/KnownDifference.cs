using System.Text.RegularExpressions;

namespace Portcullis.Conformance.Differential;

/// <summary>A checked-in disagreement between Portcullis and @bufbuild/cel that is understood (e.g. the JS evaluator
/// is known to be wrong). A line of <c>known-differences.txt</c> is <c>regex # reason</c> (split at the last
/// <c> # </c>); the regex is matched against <c>expr: EXPR | ours: OURS | theirs: THEIRS</c>.</summary>
/// <param name="Pattern">The regular expression.</param>
/// <param name="Reason">Why the difference is accepted.</param>
internal sealed record KnownDifference(Regex Pattern, string Reason)
{
    /// <summary>Gets the path of the file in the source tree.</summary>
    public static string FilePath => Path.Combine(RepoPaths.Project, "Differential", "known-differences.txt");

    /// <summary>Reads the file; blank lines and lines starting with <c>#</c> are ignored.</summary>
    public static IReadOnlyList<KnownDifference> Load()
    {
        if (!File.Exists(FilePath)) return [];
        var list = new List<KnownDifference>();
        foreach (var raw in File.ReadAllLines(FilePath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var split = line.LastIndexOf(" # ", StringComparison.Ordinal);
            var pattern = split < 0 ? line : line[..split].Trim();
            var reason = split < 0 ? "" : line[(split + 3)..].Trim();
            list.Add(new KnownDifference(new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), reason));
        }
        return list;
    }

    /// <summary>Returns the text the patterns are matched against.</summary>
    public static string Subject(string expr, string ours, string theirs) => $"expr: {expr} | ours: {ours} | theirs: {theirs}";
}
