using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portcullis.AuthZen;

namespace Portcullis.Pdp.Service;

/// <summary>Registers the embedded PDP.</summary>
public static class PdpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded PDP as <see cref="IAuthZenPdp"/> (and as <see cref="EmbeddedPdp"/> and
    /// <see cref="PdpHost"/>), loaded from the folders in <see cref="PdpOptions"/> when the application starts.
    /// Start-up fails with a <see cref="PdpLoadException"/> listing every problem when the initial load fails.
    /// </summary>
    public static IServiceCollection AddEmbeddedPdp(this IServiceCollection services, Action<PdpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PdpOptions>().Configure(configure);
        services.TryAddSingleton(sp => PdpHost.Start(
            sp.GetRequiredService<IOptions<PdpOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger<PdpHost>(),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<PdpHost>().Pdp);
        services.TryAddSingleton<IAuthZenPdp>(sp => sp.GetRequiredService<EmbeddedPdp>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PdpHostedService>());
        return services;
    }
}
