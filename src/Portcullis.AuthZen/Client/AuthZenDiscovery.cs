using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Client;

/// <summary>Resolves a remote PDP's endpoints from its metadata document (AuthZEN 1.0 §9), caching the answer —
/// including "absent" (404, or not a metadata document) — for <see cref="AuthZenClientOptions.MetadataLifetime"/>.</summary>
/// <remarks>When the metadata cannot be read for a transient reason (connection, 5xx) the standard paths are used for
/// this call and discovery is tried again on the next. Endpoints that are not absolute http(s) URLs are ignored.</remarks>
internal sealed class AuthZenDiscovery(AuthZenTransport transport, AuthZenClientOptions options, ILogger logger)
{
    private readonly AuthZenEndpoints _standard = AuthZenEndpoints.Standard(options);
    private readonly Uri _metadataUrl = AuthZenEndpoints.MetadataUrl(options);
    private volatile Cached? _cached;
    private int _fetches;

    /// <summary>Gets the number of metadata requests sent (for tests).</summary>
    public int Fetches => _fetches;

    public async ValueTask<AuthZenEndpoints> GetAsync(string? requestId, CancellationToken cancellationToken)
    {
        if (!options.UseDiscovery) return _standard;
        var now = options.TimeProvider.GetUtcNow();
        if (_cached is { } cached && cached.ExpiresAt > now) return cached.Endpoints;

        byte[] body;
        try
        {
            Interlocked.Increment(ref _fetches);
            body = await transport.SendAsync(HttpMethod.Get, _metadataUrl, null, requestId, cancellationToken).ConfigureAwait(false);
        }
        catch (PdpUnavailableException e) when (e.StatusCode == 404)
        {
            return Remember(_standard, now, "absent (404), using the standard paths");
        }
        catch (PdpUnavailableException e)
        {
            AuthZenClientLog.Discovery(logger, options.Origin, $"not readable ({e.Kind}), using the standard paths for now");
            return _standard;
        }

        PdpMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize(body, AuthZenJsonContext.Default.PdpMetadata);
        }
        catch (JsonException)
        {
            metadata = null;
        }
        if (metadata is null) return Remember(_standard, now, "not a metadata document, using the standard paths");

        var endpoints = new AuthZenEndpoints(
            Pick(metadata.AccessEvaluationEndpoint, _standard.Evaluation),
            Pick(metadata.AccessEvaluationsEndpoint, _standard.Evaluations),
            Pick(metadata.SearchSubjectEndpoint, _standard.SearchSubject),
            Pick(metadata.SearchResourceEndpoint, _standard.SearchResource),
            Pick(metadata.SearchActionEndpoint, _standard.SearchAction));
        return Remember(endpoints, now, "discovered");
    }

    private AuthZenEndpoints Remember(AuthZenEndpoints endpoints, DateTimeOffset now, string outcome)
    {
        _cached = new Cached(endpoints, now + options.MetadataLifetime);
        AuthZenClientLog.Discovery(logger, options.Origin, outcome);
        return endpoints;
    }

    private static Uri Pick(string? advertised, Uri fallback) =>
        Uri.TryCreate(advertised, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : fallback;

    private sealed record Cached(AuthZenEndpoints Endpoints, DateTimeOffset ExpiresAt);
}
