using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mcp.OAuth;

namespace Portcullis.Gateway.Pipeline;

/// <summary>The gateway's shared run-time objects: its current configuration and token authenticator (with the HTTP
/// client it fetches keys with, which this object owns). A reload swaps both; the authenticator only when the issuers
/// changed, so its key and token caches survive other edits.</summary>
internal sealed class GatewayServices : IDisposable
{
    private readonly TimeProvider? time;
    private readonly ILoggerFactory? loggers;
    private volatile GatewayConfig config;
    private volatile IssuerAuthenticator authenticator;
    private volatile ProtectedResourceCatalog protectedResources;
    private volatile Uri[] mcpResources;

    public GatewayServices(GatewayConfig config, TimeProvider? time, ILoggerFactory? loggers)
    {
        this.config = config;
        this.time = time;
        this.loggers = loggers;
        authenticator = IssuerAuthenticator.Create(config.Issuers, time, loggers);
        protectedResources = ProtectedResourceCatalog.Build(config.Routes);
        mcpResources = McpResources(config);
    }

    /// <summary>Gets the configuration in force.</summary>
    public GatewayConfig Config => config;

    /// <summary>Gets the protected-resource metadata of the MCP routes in force.</summary>
    public ProtectedResourceCatalog ProtectedResources => protectedResources;

    /// <summary>Gets the resource identifiers of the MCP routes in force (tokens issued only for them are refused on
    /// the other routes).</summary>
    public Uri[] McpResourceIds => mcpResources;

    /// <summary>Gets the authenticator, or null when no issuer is configured (every route is anonymous).</summary>
    public JwtAuthenticator? Authenticator => authenticator.Authenticator;

    /// <summary>Makes <paramref name="next"/> the configuration in force. Returns the previous authenticator's resources
    /// when the issuers changed (dispose them once no request can still be authenticating with it), otherwise null.</summary>
    public IDisposable? Replace(GatewayConfig next)
    {
        IDisposable? previous = null;
        if (!IssuerConfigComparer.Same(authenticator.Issuers, next.Issuers))
        {
            previous = authenticator;
            authenticator = IssuerAuthenticator.Create(next.Issuers, time, loggers);
        }
        protectedResources = ProtectedResourceCatalog.Build(next.Routes);
        mcpResources = McpResources(next);
        config = next;
        return previous;
    }

    public void Dispose() => authenticator.Dispose();

    private static Uri[] McpResources(GatewayConfig config) =>
        [.. config.Routes.Select(static r => r.Mcp?.Resource).OfType<Uri>().Distinct()];
}
