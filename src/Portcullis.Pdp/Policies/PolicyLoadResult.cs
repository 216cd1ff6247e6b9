using Portcullis.Pdp.Loading;

namespace Portcullis.Pdp.Policies;

/// <summary>The outcome of loading a policy folder: a usable set only when there are no diagnostics.</summary>
/// <param name="Policies">The compiled policies, or null when any problem was found.</param>
/// <param name="Diagnostics">Every problem found, in file and line order.</param>
public sealed record PolicyLoadResult(PolicySet? Policies, IReadOnlyList<SourceDiagnostic> Diagnostics);
