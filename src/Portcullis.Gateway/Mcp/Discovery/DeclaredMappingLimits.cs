namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>Bounds on what a <see cref="DeclaredMappingStore{TCompiled}"/> keeps per upstream, so an MCP server
/// cannot grow the gateway's memory without limit.</summary>
public sealed record DeclaredMappingLimits
{
    /// <summary>Gets the most tools recorded per upstream; tools beyond it are not recorded and look up as
    /// <see cref="DeclaredMappingKind.Unknown"/>. Defaults to 5,000.</summary>
    public int MaxToolsPerUpstream { get; init; } = 5_000;

    /// <summary>Gets the largest <c>x-authzen-mapping</c> (UTF-8 bytes as listed); a larger one is recorded as
    /// <see cref="DeclaredMappingKind.Invalid"/>. Defaults to 16 KiB.</summary>
    public int MaxMappingBytes { get; init; } = 16 * 1024;

    /// <summary>Gets the most mapping bytes kept per upstream; mappings beyond it are recorded as
    /// <see cref="DeclaredMappingKind.Invalid"/>. Defaults to 4 MiB.</summary>
    public long MaxTotalMappingBytes { get; init; } = 4L * 1024 * 1024;
}
