using System.Collections.Concurrent;
using Portcullis.Gateway.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Holds the current <see cref="GatewayRouteSet"/> and swaps it whole on reload; requests lease the set of the
/// generation their YARP route was built from, so each keeps the route (and PDP) it started with.</summary>
internal sealed class GatewayRouteTable : IDisposable
{
    private readonly IServiceProvider services;
    private readonly ConcurrentDictionary<long, GatewayRouteSet> live = new();
    private GatewayRouteSet current;

    public GatewayRouteTable(GatewayConfig config, IServiceProvider services)
    {
        this.services = services;
        current = new GatewayRouteSet(0, config, services);
        live[0] = current;
    }

    /// <summary>Gets the set new requests are matched against.</summary>
    public GatewayRouteSet Current => Volatile.Read(ref current);

    /// <summary>Leases the gateway route for a matched YARP route: from the same generation while that set is alive,
    /// otherwise (the set was released between matching and ingress) the current route with the same id. Returns null
    /// when the route no longer exists.</summary>
    public GatewayRouteLease? Acquire(RouteConfig matched)
    {
        if (live.TryGetValue(GatewayProxyConfig.Generation(matched), out var set) && Lease(set, matched.RouteId) is { } lease) return lease;
        while (true)
        {
            set = Current;
            if (set.TryAddReference()) return set.Find(matched.RouteId) is { } route ? new GatewayRouteLease(set, route) : Released(set);
        }
    }

    /// <summary>Builds the next generation from <paramref name="config"/> without making it current. Reloads are
    /// serialized by the caller.</summary>
    public GatewayRouteSet Build(GatewayConfig config) => new(Current.Generation + 1, config, services);

    /// <summary>Makes <paramref name="next"/> current and returns the set it replaces. The caller then points YARP at
    /// routes of <paramref name="next"/>'s generation and calls <see cref="Retire"/> with the returned set.</summary>
    public GatewayRouteSet Publish(GatewayRouteSet next)
    {
        live[next.Generation] = next;
        return Interlocked.Exchange(ref current, next);
    }

    /// <summary>Drops the table's hold on a replaced set; it is released when its last request finishes.</summary>
    public void Retire(GatewayRouteSet previous, IDisposable? handedOver)
    {
        live.TryRemove(previous.Generation, out _);
        previous.Retire(handedOver);
    }

    public void Dispose() => Current.Retire(null);

    private static GatewayRouteLease? Lease(GatewayRouteSet set, string routeId)
    {
        if (!set.TryAddReference()) return null;
        return set.Find(routeId) is { } route ? new GatewayRouteLease(set, route) : Released(set);
    }

    private static GatewayRouteLease? Released(GatewayRouteSet set)
    {
        set.Release();
        return null;
    }
}
