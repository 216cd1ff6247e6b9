namespace Portcullis.FunctionalTests.Interop;

/// <summary>Locates the repository, the shared AuthZEN interop data and the host the tests start.</summary>
internal static class InteropPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root (the directory holding <c>Portcullis.slnx</c>).</summary>
    public static string RepoRoot => RootPath.Value;

    /// <summary>Gets the read-only AuthZEN interop data, <c>../shared/interop</c> next to the repository.</summary>
    public static string SharedInterop => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "interop"));

    /// <summary>Gets <c>portcullis.dll</c> in this test project's output (the host is a project reference).</summary>
    public static string PortcullisDll => Path.Combine(AppContext.BaseDirectory, "portcullis.dll");

    /// <summary>Gets the policy folder of an interop scenario.</summary>
    public static string Policies(string scenario) => Path.Combine(RepoRoot, "samples", "interop", scenario, "policies");

    /// <summary>Gets the directory (PIP) folder of an interop scenario.</summary>
    public static string Directory(string scenario) => Path.Combine(RepoRoot, "samples", "interop", scenario, "directory");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portcullis.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Cannot find Portcullis.slnx above {AppContext.BaseDirectory}.");
    }
}
