using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Client;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Pipeline;

/// <summary>The configured routes by id, each with its PDP; remote PDPs are shared by every route naming the same one.</summary>
internal sealed class GatewayRouteTable : IDisposable
{
    private readonly FrozenDictionary<string, GatewayRoute> routes;
    private readonly List<AuthZenHttpClient> clients = [];

    public GatewayRouteTable(GatewayConfig config, IServiceProvider services)
    {
        var remote = new Dictionary<(Uri, PdpPlatform, string?, TimeSpan?), AuthZenHttpClient>();
        var byId = new Dictionary<string, GatewayRoute>(StringComparer.Ordinal);
        foreach (var route in config.Routes)
        {
            IAuthZenPdp? pdp = null;
            if (!route.Anonymous)
            {
                var target = route.AuthZen.Pdp;
                pdp = target.IsEmbedded ? services.GetRequiredService<IAuthZenPdp>() : Remote(remote, target, services);
            }
            byId[route.Id] = new GatewayRoute(route, pdp);
        }
        routes = byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public GatewayRoute? Find(string routeId) => routes.GetValueOrDefault(routeId);

    public void Dispose()
    {
        foreach (var client in clients) client.Dispose();
    }

    private AuthZenHttpClient Remote(Dictionary<(Uri, PdpPlatform, string?, TimeSpan?), AuthZenHttpClient> remote, PdpTargetConfig target, IServiceProvider services)
    {
        var key = (target.Host!, target.Platform, target.StoreId, target.Timeout);
        if (remote.TryGetValue(key, out var existing)) return existing;
        var options = new AuthZenClientOptions
        {
            BaseAddress = target.Host,
            Platform = target.Platform switch
            {
                PdpPlatform.Cerbos => AuthZenPlatform.Cerbos,
                PdpPlatform.OpenFga => AuthZenPlatform.OpenFga,
                _ => AuthZenPlatform.AuthZen,
            },
            StoreId = target.StoreId,
        };
        if (target.Timeout is { } timeout) options.Timeout = timeout;
        var client = new AuthZenHttpClient(options, services.GetService<ILoggerFactory>()?.CreateLogger<AuthZenHttpClient>());
        clients.Add(client);
        remote[key] = client;
        return client;
    }
}
