namespace Portcullis.Gateway.Authentication;

/// <summary>Checks JWT issuer configuration at start-up and lists every problem at once.</summary>
public static class JwtIssuerConfigValidator
{
    private static readonly HashSet<string> SupportedAlgorithms = new(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    };

    /// <summary>Validates a whole authentication configuration.</summary>
    /// <param name="config">The configuration to check.</param>
    /// <returns>Every problem found, each naming the issuer; empty when the configuration is usable.</returns>
    public static IReadOnlyList<string> Validate(JwtAuthenticationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<string>();
        if (config.Issuers.Count == 0)
            problems.Add("authentication: at least one issuer is required");
        if (config.ValidatedTokenCacheSize < 0)
            problems.Add("authentication: the validated-token cache size cannot be negative");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var issuer in config.Issuers)
        {
            if (!string.IsNullOrEmpty(issuer.Issuer) && !seen.Add(issuer.Issuer))
                problems.Add($"issuer '{issuer.Issuer}': configured more than once");
            problems.AddRange(Validate(issuer));
        }

        return problems;
    }

    /// <summary>Validates one issuer's configuration.</summary>
    /// <param name="config">The issuer configuration to check.</param>
    /// <returns>Every problem found; empty when the issuer is usable.</returns>
    public static IReadOnlyList<string> Validate(JwtIssuerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = string.IsNullOrWhiteSpace(config.Issuer) ? "issuer" : $"issuer '{config.Issuer}'";
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(config.Issuer))
            problems.Add($"{name}: the issuer identifier is required");
        if ((config.Discovery is null) == (config.JwksUri is null))
            problems.Add($"{name}: set exactly one of discovery or jwksUri");
        CheckAddress(config.Discovery, "discovery", config.RequireHttpsMetadata, name, problems);
        CheckAddress(config.JwksUri, "jwksUri", config.RequireHttpsMetadata, name, problems);
        if (config.Audiences is null || config.Audiences.Count == 0 || config.Audiences.Any(string.IsNullOrWhiteSpace))
            problems.Add($"{name}: at least one non-empty audience is required");
        CheckAlgorithms(config.AllowedAlgorithms, name, problems);
        CheckRange(config.ClockSkew, TimeSpan.Zero, TimeSpan.FromMinutes(5), "clockSkew", name, problems);
        CheckRange(config.JwksCacheLifetime, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(60), "jwksCacheLifetime", name, problems);
        CheckRange(config.RefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), "refreshInterval", name, problems);
        CheckRange(config.MetadataTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), "metadataTimeout", name, problems);
        if (config.RequiredType is { } type && string.IsNullOrWhiteSpace(type))
            problems.Add($"{name}: requiredType cannot be blank");
        return problems;
    }

    private static void CheckAlgorithms(IReadOnlyList<string>? algorithms, string name, List<string> problems)
    {
        if (algorithms is null || algorithms.Count == 0)
        {
            problems.Add($"{name}: at least one allowed algorithm is required");
            return;
        }

        foreach (var alg in algorithms)
        {
            if (IsNeverAccepted(alg))
                problems.Add($"{name}: algorithm '{alg}' is never accepted (no 'none', no HMAC)");
            else if (!SupportedAlgorithms.Contains(alg))
                problems.Add($"{name}: algorithm '{alg}' is not supported (use RS256/384/512, PS256/384/512 or ES256/384/512)");
        }
    }

    /// <summary>Tells whether an algorithm name is one that must never verify a token: <c>none</c> or an HMAC.</summary>
    internal static bool IsNeverAccepted(string? alg) =>
        string.IsNullOrWhiteSpace(alg)
        || alg.Equals("none", StringComparison.OrdinalIgnoreCase)
        || alg.StartsWith("HS", StringComparison.OrdinalIgnoreCase);

    private static void CheckAddress(Uri? address, string field, bool requireHttps, string name, List<string> problems)
    {
        if (address is null)
            return;
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            problems.Add($"{name}: {field} must be an absolute http(s) address");
        else if (requireHttps && address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
            problems.Add($"{name}: {field} must use https (http is allowed only on loopback or with requireHttpsMetadata: false)");
    }

    private static void CheckRange(TimeSpan value, TimeSpan min, TimeSpan max, string field, string name, List<string> problems)
    {
        if (value < min || value > max)
            problems.Add($"{name}: {field} must be between {min} and {max} (was {value})");
    }
}
