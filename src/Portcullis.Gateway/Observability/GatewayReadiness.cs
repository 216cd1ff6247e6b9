using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portcullis.Gateway.Configuration;
using Portcullis.Pdp.Service;

namespace Portcullis.Gateway.Observability;

/// <summary>Says whether the gateway can take traffic, and if not, what is missing: <c>starting</c> (the host has not
/// finished starting), <c>stopping</c> (shutting down: drain me), <c>embedded_pdp</c> (a route uses the embedded PDP and
/// its policies are not loaded).</summary>
internal sealed class GatewayReadiness(GatewayConfig config, IServiceProvider services, IHostApplicationLifetime lifetime)
{
    private readonly bool usesEmbeddedPdp = config.Routes.Any(r => !r.Anonymous && r.AuthZen.Pdp.IsEmbedded);
    private PdpHost? pdpHost;

    /// <summary>Returns what is not ready; empty when ready.</summary>
    public IReadOnlyList<string> NotReady()
    {
        List<string>? missing = null;
        if (!lifetime.ApplicationStarted.IsCancellationRequested) (missing ??= []).Add("starting");
        if (lifetime.ApplicationStopping.IsCancellationRequested) (missing ??= []).Add("stopping");
        if (usesEmbeddedPdp && !EmbeddedPdpLoaded()) (missing ??= []).Add("embedded_pdp");
        return missing ?? (IReadOnlyList<string>)[];
    }

    private bool EmbeddedPdpLoaded()
    {
        if (Volatile.Read(ref pdpHost) is not null) return true;
        try
        {
            // Resolving loads the policies once; a load that failed is not cached by DI, so a later probe tries again.
            Volatile.Write(ref pdpHost, services.GetService<PdpHost>());
            return pdpHost is not null;
        }
        catch (PdpLoadException)
        {
            return false;
        }
    }
}
