using Portcullis.Pdp.Loading;

namespace Portcullis.Pdp.Service;

/// <summary>The outcome of loading policies and directory: a snapshot only when neither had a problem.</summary>
/// <param name="Snapshot">The new snapshot, or null when any problem was found.</param>
/// <param name="Diagnostics">Every problem found: the policies' first, then the directory's, each in file and line order.</param>
public sealed record PdpSnapshotLoadResult(PdpSnapshot? Snapshot, IReadOnlyList<SourceDiagnostic> Diagnostics);
