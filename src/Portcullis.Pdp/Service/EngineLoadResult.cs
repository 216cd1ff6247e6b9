using Portcullis.Pdp.Loading;

namespace Portcullis.Pdp.Service;

/// <summary>The outcome of loading policies into a decision engine.</summary>
internal sealed record EngineLoadResult(IDecisionEngine? Engine, IReadOnlyList<SourceDiagnostic> Diagnostics);
