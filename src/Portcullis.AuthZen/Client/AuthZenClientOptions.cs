using System.Globalization;

namespace Portcullis.AuthZen.Client;

/// <summary>Where and how an <see cref="AuthZenHttpClient"/> reaches a remote AuthZEN PDP.</summary>
public sealed class AuthZenClientOptions
{
    /// <summary>Gets or sets the PDP's base address, e.g. <c>http://cerbos:3593</c>. Required; http or https.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets the kind of PDP, which decides the endpoint paths. Defaults to <see cref="AuthZenPlatform.AuthZen"/>.</summary>
    public AuthZenPlatform Platform { get; set; } = AuthZenPlatform.AuthZen;

    /// <summary>Gets or sets the OpenFGA store id. Required for <see cref="AuthZenPlatform.OpenFga"/> (the client never
    /// picks "the first store"); ignored otherwise. Defaults to null.</summary>
    public string? StoreId { get; set; }

    /// <summary>Gets or sets whether to read the endpoints from <c>/.well-known/authzen-configuration</c> before the first
    /// call; the standard paths are used when it is absent. Defaults to true.</summary>
    public bool UseDiscovery { get; set; } = true;

    /// <summary>Gets or sets how long discovered (or found absent) metadata is reused. Defaults to 1 hour.</summary>
    public TimeSpan MetadataLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the time one call may take, connection included. Defaults to 2 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the largest response body accepted, in bytes. Defaults to 4 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the most pages a search follows before giving up. Defaults to 1000.</summary>
    public int MaxSearchPages { get; set; } = 1000;

    /// <summary>Gets or sets the share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the
    /// circuit breaker (0 &lt; ratio ≤ 1). Defaults to 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets how many calls the sampling window must hold before the breaker may open (at least 2).
    /// Defaults to 10.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Gets or sets the breaker's sampling window (at least 0.5 s). Defaults to 10 seconds.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long the breaker stays open, failing fast, before one trial call is let through
    /// (at least 0.5 s). Defaults to 5 seconds.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long a pooled connection is reused before it is replaced (so DNS changes are seen).
    /// Defaults to 2 minutes.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the clock for timeouts, the breaker and the metadata cache. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Returns every problem with these options (empty when they are usable), so configuration errors can be
    /// listed at start-up all at once.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add("The PDP base address must be an absolute http or https URL.");
        }
        if (Platform == AuthZenPlatform.OpenFga && !IsStoreId(StoreId))
        {
            problems.Add("Platform openfga needs an explicit store id (letters and digits).");
        }
        if (Timeout <= TimeSpan.Zero) problems.Add("The PDP timeout must be positive.");
        if (MetadataLifetime <= TimeSpan.Zero) problems.Add("The metadata lifetime must be positive.");
        if (MaxResponseBytes <= 0) problems.Add("The largest response size must be positive.");
        if (MaxSearchPages <= 0) problems.Add("The most search pages must be positive.");
        if (BreakerFailureRatio is <= 0 or > 1) problems.Add("The breaker failure ratio must be above 0 and at most 1.");
        if (BreakerMinimumThroughput < 2) problems.Add("The breaker minimum throughput must be at least 2.");
        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500)) problems.Add("The breaker sampling duration must be at least 0.5 s.");
        if (BreakerBreakDuration < TimeSpan.FromMilliseconds(500)) problems.Add("The breaker break duration must be at least 0.5 s.");
        if (PooledConnectionLifetime <= TimeSpan.Zero) problems.Add("The pooled connection lifetime must be positive.");
        return problems;
    }

    /// <summary>Returns the PDP's origin (scheme, host, port), safe to show in messages: no user info, path or query.</summary>
    internal string Origin => BaseAddress is null
        ? "(none)"
        : BaseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    internal string TimeoutText => Timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static bool IsStoreId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(char.IsAsciiLetterOrDigit);
}
