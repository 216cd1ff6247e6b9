using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Mcp.Coaz;
using Portcullis.Gateway.Mcp.Discovery;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>The tools' declared <c>x-authzen-mapping</c>s the gateway learned from the <c>tools/list</c> responses it
/// proxied, per upstream (one for the whole gateway, so it survives configuration reloads).</summary>
internal sealed class McpDeclaredMappings(ILogger<McpDeclaredMappings> logger)
{
    /// <summary>Gets the store, keyed by <see cref="McpRoute.UpstreamId"/>.</summary>
    public DeclaredMappingStore<CoazMappingCompileResult> Store { get; } = new(CoazMapping.Compile, logger: logger);

    /// <summary>Returns the lookup <see cref="CoazMapper"/> uses for the tools of <paramref name="upstreamId"/>.</summary>
    public IDeclaredToolLookup For(string upstreamId) => new DeclaredToolLookup(Store, upstreamId);
}
