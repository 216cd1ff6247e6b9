using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Decisions;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Forwarding;
using Portcullis.Gateway.Mcp.Stage;
using Yarp.ReverseProxy.Transforms;
using Portcullis.Gateway.Reload;
using Portcullis.Pdp.Service;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Registers and maps the gateway: YARP with the enforcement stages in front of the forwarder.</summary>
public static class GatewayPipeline
{
    /// <summary>Registers the gateway for <paramref name="config"/>: YARP routes and clusters, the authenticator, the
    /// route table with each route's PDP, the decision cache, the CORS service, the embedded PDP when <c>pdp.policies</c> is
    /// set, and the watcher that reloads the configuration file (<see cref="GatewayConfig.SourcePath"/>) when it changes.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, GatewayConfig config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        services.AddSingleton(config);
        services.AddGatewayObservability(config.DecisionRecords);
        services.AddSingleton(sp => new GatewayServices(config, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => new GatewayRouteTable(config, sp));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DecisionCache(config.DecisionCacheMaxEntries, sp.GetRequiredService<TimeProvider>()));
        services.AddCors();
        if (config.PoliciesPath is not null)
        {
            // Started whenever 'pdp.policies' is set, so a reload may add routes on the embedded PDP.
            services.AddEmbeddedPdp(options =>
            {
                options.PoliciesPath = config.PoliciesPath;
                options.DirectoryPath = config.DirectoryPath;
            });
        }
        services.AddSingleton<McpDeclaredMappings>();
        services.AddSingleton(sp => new McpSessionBinding(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<McpToolsListFetcher>();
        services.AddSingleton<McpMessageDecider>();
        services.AddSingleton<McpResponseFilter>();
        services.AddReverseProxy()
            .LoadFromMemory(GatewayProxyConfig.Routes(config, generation: 0), GatewayProxyConfig.Clusters(config))
            .AddTransforms(builder =>
            {
                // Only MCP routes read responses; a transform on every route would cost each response a call.
                if (GatewayProxyConfig.IsMcp(builder.Route))
                    builder.AddResponseTransform(builder.Services.GetRequiredService<McpResponseFilter>().ApplyAsync);
            });
        services.AddSingleton<IForwarderHttpClientFactory, StreamingForwarderHttpClientFactory>();
        services.AddSingleton<GatewayReloader>();
        services.AddHostedService<GatewayConfigWatcher>();
        return services;
    }

    /// <summary>Maps the gateway. Every stage, in order: decision records (request id, one record per request, also
    /// for 404s), routing, the gateway's own endpoints (/healthz, /readyz, /metrics), then on a matched route: ingress
    /// (identity headers stripped), CORS (preflights answered, CORS headers on every response of a CORS route),
    /// authentication (401), decision (cache or PDP; 403 / 503, fail closed unless the route fails open), on MCP routes the
    /// MCP stage (every JSON-RPC message authorized with COAZ-MCP; list responses filtered by a response transform), enforcement
    /// (identity headers injected, Authorization removal), upstream timing, and YARP forwards.</summary>
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
            proxy.UseCorsPreflight();
            proxy.UseTokenAuthentication();
            proxy.UseDecision();
            proxy.UseMcp();
            proxy.UseEnforcement();
            proxy.UseLoadBalancing();
            proxy.UseUpstreamTiming();
        });
        return app;
    }
}
