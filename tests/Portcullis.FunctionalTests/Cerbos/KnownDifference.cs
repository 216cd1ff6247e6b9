using System.Text.RegularExpressions;

namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>A checked-in, documented disagreement between Portcullis and Cerbos. A line of
/// <c>known-differences.txt</c> is <c>regex # reason with the Cerbos documentation reference</c> (split at the last
/// <c> # </c>); the regex is matched against <see cref="Subject"/>.</summary>
/// <param name="Pattern">The regular expression.</param>
/// <param name="Reason">Why the difference is accepted, with the Cerbos documentation that says so.</param>
internal sealed record KnownDifference(Regex Pattern, string Reason)
{
    /// <summary>Gets the path of the file in the source tree.</summary>
    public static string FilePath => Path.Combine(RepoPaths.Project, "known-differences.txt");

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
            if (split < 0) throw new InvalidOperationException($"{FilePath}: entry without a ` # reason`: {line}");
            var pattern = new Regex(line[..split].Trim(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            list.Add(new KnownDifference(pattern, line[(split + 3)..].Trim()));
        }
        return list;
    }

    /// <summary>Returns the text the patterns are matched against: the single-evaluation request JSON and both
    /// decisions.</summary>
    public static string Subject(string requestJson, bool portcullis, bool cerbos) =>
        $"request: {requestJson} | portcullis: {Decision(portcullis)} | cerbos: {Decision(cerbos)}";

    private static string Decision(bool decision) => decision ? "permit" : "deny";
}
