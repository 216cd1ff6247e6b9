namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>The checked-in, documented disagreements between Portcullis and Cerbos: <c>Cerbos/known-differences.txt</c>,
/// one <c>regex # reason with the Cerbos documentation reference</c> a line (see <see cref="KnownDifferenceList"/>),
/// each regex matched against <see cref="Subject"/>.</summary>
internal static class KnownDifference
{
    /// <summary>Gets the path of the file in the source tree.</summary>
    public static string FilePath =>
        Path.Combine(RepoPaths.ProjectSource("Portcullis.FunctionalTests"), "Cerbos", "known-differences.txt");

    /// <summary>Reads the file.</summary>
    public static KnownDifferenceList Load() => KnownDifferenceList.Load(FilePath);

    /// <summary>Returns the text the patterns are matched against: the single-evaluation request JSON and both
    /// decisions.</summary>
    public static string Subject(string requestJson, bool portcullis, bool cerbos) =>
        $"request: {requestJson} | portcullis: {Decision(portcullis)} | cerbos: {Decision(cerbos)}";

    private static string Decision(bool decision) => decision ? "permit" : "deny";
}
