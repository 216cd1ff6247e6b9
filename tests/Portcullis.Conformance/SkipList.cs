namespace Portcullis.Conformance;

/// <summary>The checked-in list of in-scope conformance cases that do not pass yet:
/// one <c>suite/section/name  # reason</c> per line; blank lines and lines starting with <c>#</c> are ignored.</summary>
internal static class SkipList
{
    private const string Header = """
        # In-scope CEL conformance cases that do not pass, one per line: `suite/section/name  # reason`.
        # A listed case is reported as Skipped; a listed case that passes fails the run ("remove from skip list").
        # Regenerate from the current failures (keeps the reasons already written here; new ones get "TODO: ..."):
        #   CEL_CONFORMANCE_WRITE_SKIPS=1 dotnet test tests/Portcullis.Conformance --filter FullyQualifiedName~ConformanceTests
        """;

    /// <summary>Gets the path of the skip file in the source tree.</summary>
    public static string Path => System.IO.Path.Combine(RepoPaths.ProjectSource("Portcullis.Conformance"), "cel-conformance-skips.txt");

    /// <summary>Reads the skip file (case id to reason); a missing file is an empty list.</summary>
    public static IReadOnlyDictionary<string, string> Load()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(Path)) return entries;
        foreach (var raw in File.ReadAllLines(Path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var id = (hash < 0 ? line : line[..hash]).Trim();
            var reason = hash < 0 ? "" : line[(hash + 1)..].Trim();
            entries[id] = reason.Length == 0 ? "listed in cel-conformance-skips.txt" : reason;
        }
        return entries;
    }

    /// <summary>Writes the skip file with <paramref name="entries"/> in the given order.</summary>
    public static void Write(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var lines = new List<string>(Header.Split('\n'));
        lines.AddRange(entries.Select(e => $"{e.Key}  # {e.Value.ReplaceLineEndings(" ")}"));
        File.WriteAllText(Path, string.Join('\n', lines) + "\n");
    }
}
