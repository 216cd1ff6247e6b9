namespace Portcullis.Gateway.Authentication;

/// <summary>Describes one trusted token issuer: where its keys come from and what its tokens must carry.</summary>
/// <remarks>
/// Exactly one of <see cref="Discovery"/> (OpenID Connect Discovery 1.0) or <see cref="JwksUri"/> (RFC 7517) is set.
/// <see cref="JwtIssuerConfigValidator"/> checks a configuration before use.
/// </remarks>
public sealed record JwtIssuerConfig
{
    /// <summary>Gets the issuer identifier, compared exactly with a token's <c>iss</c> claim.</summary>
    public required string Issuer { get; init; }

    /// <summary>Gets the OpenID Connect discovery document address (<c>.../.well-known/openid-configuration</c>). Defaults to none.</summary>
    public Uri? Discovery { get; init; }

    /// <summary>Gets the JWKS address used when there is no discovery document. Defaults to none.</summary>
    public Uri? JwksUri { get; init; }

    /// <summary>Gets the accepted audiences; a token's <c>aud</c> must contain one of them. Required, non-empty.</summary>
    public required IReadOnlyList<string> Audiences { get; init; }

    /// <summary>Gets the accepted signing algorithms. Defaults to RS256, PS256 and ES256; <c>none</c> and HMAC are refused.</summary>
    public IReadOnlyList<string> AllowedAlgorithms { get; init; } = DefaultAlgorithms;

    /// <summary>Gets the tolerated clock difference for <c>exp</c> and <c>nbf</c>. Defaults to 30 seconds; at most 5 minutes.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the required JOSE <c>typ</c> header (for example <c>at+jwt</c>, RFC 9068). Defaults to none (not checked).</summary>
    public string? RequiredType { get; init; }

    /// <summary>Gets how long fetched keys are used before they are fetched again. Defaults to 10 minutes; 5 to 60 minutes.</summary>
    public TimeSpan JwksCacheLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets the minimum time between two key fetches caused by unknown <c>kid</c>s or failures. Defaults to 1 minute; 1 second to 5 minutes.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets the time allowed for one discovery or JWKS fetch. Defaults to 10 seconds; 1 to 60 seconds.</summary>
    public TimeSpan MetadataTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets a value indicating whether metadata must come over HTTPS. Defaults to true; loopback addresses are always allowed over HTTP.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    /// <summary>Gets the default algorithm allow-list: RS256, PS256, ES256.</summary>
    public static IReadOnlyList<string> DefaultAlgorithms { get; } = ["RS256", "PS256", "ES256"];
}
