using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Pipeline;

/// <summary>The authenticator for one list of issuers and the HTTP client it fetches discovery documents and keys with.</summary>
internal sealed class IssuerAuthenticator(IReadOnlyList<JwtIssuerConfig> issuers, JwtAuthenticator? authenticator, HttpClient? metadataClient) : IDisposable
{
    /// <summary>Gets the issuers the authenticator was built for.</summary>
    public IReadOnlyList<JwtIssuerConfig> Issuers { get; } = issuers;

    /// <summary>Gets the authenticator, or null when there are no issuers.</summary>
    public JwtAuthenticator? Authenticator { get; } = authenticator;

    public static IssuerAuthenticator Create(IReadOnlyList<JwtIssuerConfig> issuers, TimeProvider? time, ILoggerFactory? loggers)
    {
        if (issuers.Count == 0) return new IssuerAuthenticator(issuers, null, null);
        var http = new HttpClient();
        var authenticator = new JwtAuthenticator(new JwtAuthenticationConfig { Issuers = issuers }, http, time, loggers?.CreateLogger<JwtAuthenticator>());
        return new IssuerAuthenticator(issuers, authenticator, http);
    }

    public void Dispose() => metadataClient?.Dispose();
}
