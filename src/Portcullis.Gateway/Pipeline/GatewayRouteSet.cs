using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Client;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Pipeline;

/// <summary>One generation of the configured routes, each with its PDP; remote PDP clients are shared by every route
/// naming the same PDP and owned by this set.</summary>
/// <remarks>
/// The set is reference-counted: <see cref="GatewayRouteTable"/> holds one reference while the set is current and each
/// request holds one (<see cref="GatewayRouteLease"/>) from ingress to the end of its response. When the set has been
/// replaced and the last request using it has finished, the remote PDP clients (and anything handed over with
/// <see cref="Retire"/>) are disposed; no request can be using them any more.
/// </remarks>
internal sealed class GatewayRouteSet
{
    private readonly FrozenDictionary<string, GatewayRoute> routes;
    private readonly List<IDisposable> owned = [];
    private int references = 1;

    public GatewayRouteSet(long generation, GatewayConfig config, IServiceProvider services)
    {
        Generation = generation;
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

    /// <summary>Gets the configuration generation this set was built from (0 at start-up, then one more per reload).</summary>
    public long Generation { get; }

    /// <summary>Gets the number of routes.</summary>
    public int Count => routes.Count;

    /// <summary>Gets a value indicating whether the set's resources have been released.</summary>
    public bool IsDisposed => Volatile.Read(ref references) == 0;

    public GatewayRoute? Find(string routeId) => routes.GetValueOrDefault(routeId);

    /// <summary>Adds a reference unless the set has already been released.</summary>
    public bool TryAddReference()
    {
        var current = Volatile.Read(ref references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref references, current + 1, current);
            if (seen == current) return true;
            current = seen;
        }
        return false;
    }

    /// <summary>Drops a reference; the last one disposes what the set owns.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref references) != 0) return;
        foreach (var resource in owned) resource.Dispose();
    }

    /// <summary>Drops the table's reference once this set is no longer current; <paramref name="handedOver"/> (e.g. the
    /// previous authenticator's HTTP client) is disposed together with the set's own clients.</summary>
    public void Retire(IDisposable? handedOver)
    {
        if (handedOver is not null) owned.Add(handedOver);
        Release();
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
        owned.Add(client);
        remote[key] = client;
        return client;
    }
}
