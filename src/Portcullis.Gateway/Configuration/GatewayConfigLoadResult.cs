using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Configuration;

/// <summary>The outcome of reading a gateway configuration: the configuration, or every problem found.</summary>
/// <param name="Config">The configuration, or null when there are problems.</param>
/// <param name="Problems">Every problem, with its path and line; empty on success.</param>
public sealed record GatewayConfigLoadResult(GatewayConfig? Config, IReadOnlyList<MappingProblem> Problems)
{
    /// <summary>Gets a value indicating whether the configuration is usable.</summary>
    public bool Succeeded => Config is not null && Problems.Count == 0;
}
