using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Loading;
using Portcullis.Pdp.Policies;

namespace Portcullis.Pdp.Service;

/// <summary>Loads policies and the directory from their folders into one <see cref="PdpSnapshot"/>, collecting every
/// problem of both before giving up, so one run of <c>portcullis check</c> shows them all.</summary>
public static class PdpSnapshotLoader
{
    /// <summary>Loads the policy folder <paramref name="policiesPath"/> and, when given, the directory folder
    /// <paramref name="directoryPath"/> (otherwise the directory is empty). Never throws for bad content.</summary>
    public static PdpSnapshotLoadResult Load(string policiesPath, string? directoryPath) =>
        Load(policiesPath, directoryPath, TimeProvider.System);

    /// <summary>Loads the folders like <see cref="Load(string, string?)"/>, with <paramref name="clock"/> for the
    /// policies' <c>now()</c>.</summary>
    public static PdpSnapshotLoadResult Load(string policiesPath, string? directoryPath, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(policiesPath);
        ArgumentNullException.ThrowIfNull(clock);
        var diagnostics = new List<SourceDiagnostic>();
        var policies = PolicySet.LoadFromDirectory(policiesPath, clock);
        diagnostics.AddRange(policies.Diagnostics);
        var directory = EntityDirectory.Empty;
        if (directoryPath is not null)
        {
            var loaded = EntityDirectoryLoader.Load(directoryPath);
            diagnostics.AddRange(loaded.Diagnostics);
            directory = loaded.Directory ?? directory;
        }
        if (diagnostics.Count > 0 || policies.Policies is null)
        {
            if (diagnostics.Count == 0) diagnostics.Add(new SourceDiagnostic(policiesPath, 0, 0, "the policies could not be loaded"));
            return new PdpSnapshotLoadResult(null, diagnostics);
        }
        return new PdpSnapshotLoadResult(new PdpSnapshot(policies.Policies, directory), []);
    }
}
