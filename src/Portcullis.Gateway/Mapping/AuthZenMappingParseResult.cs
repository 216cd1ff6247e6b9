namespace Portcullis.Gateway.Mapping;

/// <summary>The outcome of parsing a mapping block: the configuration, or every problem found.</summary>
/// <param name="Config">The parsed configuration, or null when there are problems.</param>
/// <param name="Problems">Every problem found, in source order; empty on success.</param>
public sealed record AuthZenMappingParseResult(AuthZenMappingConfig? Config, IReadOnlyList<MappingProblem> Problems)
{
    /// <summary>Gets a value indicating whether the block parsed without problems.</summary>
    public bool Succeeded => Config is not null && Problems.Count == 0;
}
