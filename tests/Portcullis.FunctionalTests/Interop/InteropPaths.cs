namespace Portcullis.FunctionalTests.Interop;

/// <summary>The folders of one AuthZEN interop scenario under <c>samples/interop</c>.</summary>
internal static class InteropPaths
{
    /// <summary>Gets the policy folder of an interop scenario.</summary>
    public static string Policies(string scenario) => Path.Combine(RepoPaths.Samples, "interop", scenario, "policies");

    /// <summary>Gets the directory (PIP) folder of an interop scenario.</summary>
    public static string Directory(string scenario) => Path.Combine(RepoPaths.Samples, "interop", scenario, "directory");
}
