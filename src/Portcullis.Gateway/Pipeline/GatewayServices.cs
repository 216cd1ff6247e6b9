using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Pipeline;

/// <summary>The gateway's shared run-time objects: its configuration and the token authenticator (with the HTTP
/// client it fetches keys with, which this object owns).</summary>
internal sealed class GatewayServices(GatewayConfig config, JwtAuthenticator? authenticator, HttpClient? metadataClient) : IDisposable
{
    public GatewayConfig Config { get; } = config;

    /// <summary>Gets the authenticator, or null when no issuer is configured (every route is anonymous).</summary>
    public JwtAuthenticator? Authenticator { get; } = authenticator;

    public void Dispose() => metadataClient?.Dispose();
}
