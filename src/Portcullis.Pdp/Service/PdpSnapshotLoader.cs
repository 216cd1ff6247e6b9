using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Loading;

namespace Portcullis.Pdp.Service;

/// <summary>Loads policies and the directory from their folders into one <see cref="PdpSnapshot"/>, collecting every
/// problem of both before giving up, so one run of <c>portcullis check</c> shows them all.</summary>
public static class PdpSnapshotLoader
{
    /// <summary>Loads the policy folder <paramref name="policiesPath"/> and, when given, the directory folder
    /// <paramref name="directoryPath"/> (otherwise the directory is empty). Never throws for bad content.</summary>
    public static PdpSnapshotLoadResult Load(string policiesPath, string? directoryPath) =>
        Load(policiesPath, directoryPath, PolicySetEngine.Load);

    internal static PdpSnapshotLoadResult Load(string policiesPath, string? directoryPath, Func<string, EngineLoadResult> loadPolicies)
    {
        ArgumentNullException.ThrowIfNull(policiesPath);
        var diagnostics = new List<SourceDiagnostic>();
        IDecisionEngine? engine = null;
        if (System.IO.Directory.Exists(policiesPath))
        {
            var policies = loadPolicies(policiesPath);
            diagnostics.AddRange(policies.Diagnostics);
            engine = policies.Engine;
        }
        else
        {
            diagnostics.Add(new SourceDiagnostic(policiesPath, 0, 0, "the policy folder does not exist"));
        }
        var directory = EntityDirectory.Empty;
        if (directoryPath is not null)
        {
            var loaded = EntityDirectoryLoader.Load(directoryPath);
            diagnostics.AddRange(loaded.Diagnostics);
            directory = loaded.Directory ?? directory;
        }
        if (diagnostics.Count > 0 || engine is null)
        {
            if (diagnostics.Count == 0) diagnostics.Add(new SourceDiagnostic(policiesPath, 0, 0, "the policies could not be loaded"));
            return new PdpSnapshotLoadResult(null, diagnostics);
        }
        return new PdpSnapshotLoadResult(new PdpSnapshot(engine, directory), []);
    }
}
