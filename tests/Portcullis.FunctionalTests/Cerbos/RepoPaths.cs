namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>Locates the repository (the directory holding <c>Portcullis.slnx</c>) and the folders these tests use.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Gets the pinned Cerbos binary (installed by <c>npm ci</c> in <c>tools/</c>).</summary>
    public static string CerbosBinary =>
        Path.Combine(Root, "tools", "node_modules", "@cerbos", "cerbos-linux-x64", "cerbos-linux-x64");

    /// <summary>Gets the policy set both PDPs load in the differential test.</summary>
    public static string DifferentialPolicies => Path.Combine(Root, "samples", "differential", "policies");

    /// <summary>Gets this folder in the source tree (known differences).</summary>
    public static string Project => Path.Combine(Root, "tests", "Portcullis.FunctionalTests", "Cerbos");

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
