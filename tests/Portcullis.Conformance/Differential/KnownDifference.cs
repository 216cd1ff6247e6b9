namespace Portcullis.Conformance.Differential;

/// <summary>The checked-in disagreements between Portcullis and @bufbuild/cel that are understood (e.g. the JS
/// evaluator is known to be wrong): <c>Differential/known-differences.txt</c>, one <c>regex # reason</c> a line (see
/// <see cref="KnownDifferenceList"/>), each regex matched against <see cref="Subject"/>.</summary>
internal static class KnownDifference
{
    /// <summary>Gets the path of the file in the source tree.</summary>
    public static string FilePath =>
        Path.Combine(RepoPaths.ProjectSource("Portcullis.Conformance"), "Differential", "known-differences.txt");

    /// <summary>Reads the file.</summary>
    public static KnownDifferenceList Load() => KnownDifferenceList.Load(FilePath);

    /// <summary>Returns the text the patterns are matched against.</summary>
    public static string Subject(string expr, string ours, string theirs) => $"expr: {expr} | ours: {ours} | theirs: {theirs}";
}
