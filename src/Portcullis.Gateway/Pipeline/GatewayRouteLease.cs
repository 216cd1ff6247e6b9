namespace Portcullis.Gateway.Pipeline;

/// <summary>A request's hold on the route set it started with: the set's PDP clients stay alive until it is disposed
/// (at the end of the response), even when a reload replaces the set meanwhile.</summary>
internal sealed class GatewayRouteLease(GatewayRouteSet set, GatewayRoute route) : IDisposable
{
    private int disposed;

    /// <summary>Gets the route the request is decided and forwarded by.</summary>
    public GatewayRoute Route { get; } = route;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0) set.Release();
    }
}
