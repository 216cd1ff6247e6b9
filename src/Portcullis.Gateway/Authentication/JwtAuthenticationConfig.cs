namespace Portcullis.Gateway.Authentication;

/// <summary>Configures <see cref="JwtAuthenticator"/>: the trusted issuers and the validated-token cache.</summary>
public sealed record JwtAuthenticationConfig
{
    /// <summary>Gets the trusted issuers; a token is validated against the one whose identifier equals its <c>iss</c>.</summary>
    public required IReadOnlyList<JwtIssuerConfig> Issuers { get; init; }

    /// <summary>Gets the maximum number of validated tokens remembered (keyed by SHA-256). Defaults to 10,000; 0 disables the cache.</summary>
    public int ValidatedTokenCacheSize { get; init; } = 10_000;
}
