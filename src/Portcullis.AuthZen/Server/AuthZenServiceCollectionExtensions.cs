using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portcullis.AuthZen.Server;

/// <summary>Registers the AuthZEN server endpoints' services.</summary>
public static class AuthZenServiceCollectionExtensions
{
    /// <summary>Adds what <see cref="AuthZenEndpointRouteBuilderExtensions.MapAuthZen"/> needs. The
    /// <see cref="IAuthZenPdp"/> that decides must be registered separately.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the defaults of <see cref="AuthZenServerOptions"/>, or null.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthZenServer(this IServiceCollection services, Action<AuthZenServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<AuthZenServerMarker>();
        var options = services.AddOptions<AuthZenServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services;
    }
}
