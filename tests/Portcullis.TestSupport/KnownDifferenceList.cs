using System.Text.RegularExpressions;

namespace Portcullis.TestSupport;

/// <summary>A checked-in list of understood disagreements between Portcullis and a reference implementation. Each
/// entry line is <c>regex # reason</c>, split at the last <c> # </c>; blank lines and lines starting with <c>#</c> are
/// comments. An entry without a reason, or with a pattern that is not a valid regex, is an error naming the line.</summary>
public sealed class KnownDifferenceList
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private KnownDifferenceList(string filePath, IReadOnlyList<KnownDifferenceEntry> entries)
    {
        FilePath = filePath;
        Entries = entries;
    }

    /// <summary>Gets the file the list was read from.</summary>
    public string FilePath { get; }

    /// <summary>Gets the entries in file order.</summary>
    public IReadOnlyList<KnownDifferenceEntry> Entries { get; }

    /// <summary>Reads <paramref name="filePath"/>; a missing file is an empty list.</summary>
    /// <exception cref="InvalidOperationException">A line is not <c>regex # reason</c> or its regex does not parse;
    /// the message names the file and line.</exception>
    public static KnownDifferenceList Load(string filePath) =>
        File.Exists(filePath) ? Parse(filePath, File.ReadAllLines(filePath)) : new KnownDifferenceList(filePath, []);

    /// <summary>Parses <paramref name="lines"/> as the content of <paramref name="filePath"/> (used in messages).</summary>
    /// <exception cref="InvalidOperationException">A line is not <c>regex # reason</c> or its regex does not parse.</exception>
    public static KnownDifferenceList Parse(string filePath, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<KnownDifferenceEntry>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var split = line.LastIndexOf(" # ", StringComparison.Ordinal);
            var reason = split < 0 ? "" : line[(split + 3)..].Trim();
            if (reason.Length == 0) throw new InvalidOperationException($"{filePath}:{number}: entry without a ` # reason`: {line}");
            entries.Add(new KnownDifferenceEntry(ParsePattern(filePath, number, line[..split].Trim()), reason, number));
        }
        return new KnownDifferenceList(filePath, entries);
    }

    /// <summary>Returns the first entry whose pattern matches <paramref name="subject"/>, or null.</summary>
    public KnownDifferenceEntry? Match(string subject) => Entries.FirstOrDefault(e => e.Pattern.IsMatch(subject));

    private static Regex ParsePattern(string filePath, int number, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{filePath}:{number}: not a valid regex: {ex.Message}", ex);
        }
    }
}
