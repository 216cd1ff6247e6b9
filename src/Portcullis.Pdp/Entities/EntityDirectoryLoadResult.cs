using Portcullis.Pdp.Loading;

namespace Portcullis.Pdp.Entities;

/// <summary>The outcome of loading a directory folder: a usable directory only when there are no diagnostics.</summary>
/// <param name="Directory">The loaded directory, or null when any problem was found.</param>
/// <param name="Diagnostics">Every problem found, in file and line order.</param>
public sealed record EntityDirectoryLoadResult(EntityDirectory? Directory, IReadOnlyList<SourceDiagnostic> Diagnostics);
