namespace Portcullis.Gateway.Mapping;

/// <summary>Which PDP decides a route's requests: the embedded one (no host) or an AuthZEN PDP over HTTP.</summary>
public sealed record PdpTargetConfig
{
    /// <summary>Gets the embedded PDP target (the default).</summary>
    public static PdpTargetConfig Embedded { get; } = new();

    /// <summary>Gets the PDP's base address (<c>http://cerbos:3593</c>), or null for the embedded PDP.</summary>
    public Uri? Host { get; init; }

    /// <summary>Gets the PDP platform. Defaults to <see cref="PdpPlatform.AuthZen"/>.</summary>
    public PdpPlatform Platform { get; init; } = PdpPlatform.AuthZen;

    /// <summary>Gets the OpenFGA store id; required when <see cref="Platform"/> is <see cref="PdpPlatform.OpenFga"/>.</summary>
    public string? StoreId { get; init; }

    /// <summary>Gets the time one call to a remote PDP may take (<c>timeout_ms</c>), or null for the client's default
    /// (2 seconds). Only for a remote PDP.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets a value indicating whether the embedded PDP decides.</summary>
    public bool IsEmbedded => Host is null;
}
