namespace Portcullis.AuthZen.Server;

/// <summary>Limits and defaults of the AuthZEN endpoints mapped by <see cref="AuthZenEndpointRouteBuilderExtensions.MapAuthZen"/>.</summary>
public sealed class AuthZenServerOptions
{
    /// <summary>Gets or sets the page size of a search whose <c>page</c> has no <c>limit</c>. Defaults to 50.</summary>
    /// <remarks>A search without a <c>page</c> object returns every result on one page.</remarks>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Gets or sets the largest page a search returns; larger limits are lowered to it. Defaults to 1000.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Gets or sets the largest request body accepted, in bytes; larger bodies get 413. Defaults to 1 MiB.</summary>
    public int MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the PDP's public base URL (e.g. <c>https://pdp.example.com</c>) used in the metadata
    /// document. Defaults to null: the base URL is taken from each metadata request's scheme, host and path base.</summary>
    public Uri? PolicyDecisionPoint { get; set; }

    internal IEnumerable<string> Problems()
    {
        if (DefaultPageSize < 1)
        {
            yield return $"{nameof(DefaultPageSize)} must be at least 1 (was {DefaultPageSize}).";
        }

        if (MaxPageSize < DefaultPageSize)
        {
            yield return $"{nameof(MaxPageSize)} must be at least {nameof(DefaultPageSize)} (was {MaxPageSize}).";
        }

        if (MaxRequestBodySize < 1)
        {
            yield return $"{nameof(MaxRequestBodySize)} must be at least 1 (was {MaxRequestBodySize}).";
        }

        if (PolicyDecisionPoint is { } pdp && (!pdp.IsAbsoluteUri || pdp.Query.Length > 0 || pdp.Fragment.Length > 0))
        {
            yield return $"{nameof(PolicyDecisionPoint)} must be an absolute URL without query or fragment.";
        }
    }
}
