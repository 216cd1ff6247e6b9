namespace Portcullis.Gateway.Configuration;

/// <summary>A route's CORS policy (<c>cors:</c>). When present, a preflight (<c>OPTIONS</c> with
/// <c>Access-Control-Request-Method</c>) is answered by the gateway without a token; the real request is authorized as usual.</summary>
public sealed record CorsConfig
{
    /// <summary>Gets the allowed origins (exact, e.g. <c>https://app.example.com</c>), or <c>*</c> for any.</summary>
    public required IReadOnlyList<string> AllowedOrigins { get; init; }

    /// <summary>Gets the allowed methods. Defaults to empty: the route's methods (or any when it has none).</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = [];

    /// <summary>Gets the allowed request headers. Defaults to <c>Authorization</c> and <c>Content-Type</c>.</summary>
    public IReadOnlyList<string> AllowedHeaders { get; init; } = ["Authorization", "Content-Type"];

    /// <summary>Gets the response headers exposed to scripts. Defaults to <c>X-Request-ID</c>.</summary>
    public IReadOnlyList<string> ExposedHeaders { get; init; } = ["X-Request-ID"];

    /// <summary>Gets a value indicating whether credentials are allowed (never with origin <c>*</c>). Defaults to false.</summary>
    public bool AllowCredentials { get; init; }

    /// <summary>Gets how long a browser may cache the preflight answer. Defaults to 10 minutes.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(10);
}
