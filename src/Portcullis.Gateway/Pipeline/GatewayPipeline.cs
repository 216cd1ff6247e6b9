using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Observability;
using Portcullis.Pdp.Service;
using Yarp.ReverseProxy.Configuration;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Registers and maps the gateway: YARP with the enforcement stages in front of the forwarder.</summary>
public static class GatewayPipeline
{
    /// <summary>Registers the gateway for <paramref name="config"/>: YARP routes and clusters, the authenticator, the
    /// route table with each route's PDP, and the embedded PDP when a route uses it.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, GatewayConfig config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        services.AddSingleton(config);
        services.AddGatewayObservability();
        services.AddSingleton(sp =>
        {
            if (config.Issuers.Count == 0) return new GatewayServices(config, null, null);
            var http = new HttpClient();
            var authenticator = new JwtAuthenticator(
                new JwtAuthenticationConfig { Issuers = config.Issuers },
                http,
                sp.GetService<TimeProvider>(),
                sp.GetService<ILoggerFactory>()?.CreateLogger<JwtAuthenticator>());
            return new GatewayServices(config, authenticator, http);
        });
        services.AddSingleton(sp => new GatewayRouteTable(config, sp));
        services.TryAddSingleton(TimeProvider.System);
        if (config.Routes.Any(r => !r.Anonymous && r.AuthZen.Pdp.IsEmbedded))
        {
            services.AddEmbeddedPdp(options =>
            {
                options.PoliciesPath = config.PoliciesPath ?? string.Empty;
                options.DirectoryPath = config.DirectoryPath;
            });
        }
        services.AddReverseProxy().LoadFromMemory(GatewayProxyConfig.Routes(config), GatewayProxyConfig.Clusters(config));
        return services;
    }

    /// <summary>Maps the gateway. Every stage, in order: decision records (request id, one record per request, also
    /// for 404s), routing, the gateway's own endpoints (/healthz, /readyz, /metrics), then on a matched route ingress (identity headers stripped), authentication (401), decision
    /// (403 / 503, fail closed), enforcement (Authorization removal), upstream timing, and YARP forwards.</summary>
    /// <exception cref="InvalidOperationException"><see cref="AddGateway"/> was not called.</exception>
    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<GatewayServices>() is null)
            throw new InvalidOperationException("Call services.AddGateway(config) before app.MapGateway().");
        app.UseDecisionRecords();
        app.UseRouting();
        app.MapGatewayEndpoints();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseIngress();
            proxy.UseTokenAuthentication();
            proxy.UseDecision();
            proxy.UseEnforcement();
            proxy.UseLoadBalancing();
            proxy.UseUpstreamTiming();
        });
        return app;
    }
}
