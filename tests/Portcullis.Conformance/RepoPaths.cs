namespace Portcullis.Conformance;

/// <summary>Locates the repository (the directory holding <c>Portcullis.slnx</c>) and the folders the tests use.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Gets the <c>tools</c> folder (node scripts and their pinned npm packages).</summary>
    public static string Tools => Path.Combine(Root, "tools");

    /// <summary>Gets the source folder of this test project (skip list, known differences).</summary>
    public static string Project => Path.Combine(Root, "tests", "Portcullis.Conformance");

    /// <summary>Gets the <c>artifacts</c> folder at the repository root, creating it if needed.</summary>
    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Root, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portcullis.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Cannot find Portcullis.slnx above {AppContext.BaseDirectory}.");
    }
}
