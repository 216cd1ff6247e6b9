using Microsoft.Extensions.DependencyInjection;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Pipeline;
using Yarp.ReverseProxy.Configuration;

namespace Portcullis.Gateway.Tests.Reload;

public sealed class GatewayRouteTableTests
{
    private static readonly EvaluationRequest Request = new()
    {
        Subject = new Subject { Type = "user", Id = "alice" },
        Action = new AccessAction { Name = "read" },
        Resource = new Resource { Type = "route", Id = "/x" },
    };

    [Fact]
    public async Task Retire_RemotePdpClientOfALeasedRoute_StaysUsableUntilTheLastLeaseEnds()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var config = Config($"http://127.0.0.1:{FreePort.Next()}");
        using var table = new GatewayRouteTable(config, services);
        var matched = GatewayProxyConfig.Routes(config, table.Current.Generation).Single();
        var lease = table.Acquire(matched)!;
        var oldClient = Assert.IsType<AuthZenHttpClient>(lease.Route.Pdp);

        var previous = table.Publish(table.Build(config));
        table.Retire(previous, handedOver: null);

        // The request that started before the reload still reaches its PDP (here: refused connection, not disposal).
        await Assert.ThrowsAsync<PdpUnavailableException>(() => oldClient.EvaluateAsync(Request).AsTask());
        Assert.False(previous.IsDisposed);

        lease.Dispose();

        Assert.True(previous.IsDisposed);
        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => oldClient.EvaluateAsync(Request).AsTask());
    }

    [Fact]
    public void Acquire_RouteOfARetiredGeneration_GetsTheCurrentRouteWithTheSameId()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var config = Config("http://127.0.0.1:9");
        using var table = new GatewayRouteTable(config, services);
        var matchedBefore = GatewayProxyConfig.Routes(config, table.Current.Generation).Single();

        var next = table.Build(config);
        table.Retire(table.Publish(next), handedOver: null);
        using var lease = table.Acquire(matchedBefore)!;

        Assert.Same(next.Find("remote"), lease.Route);
    }

    [Fact]
    public void Acquire_RouteRemovedByAReload_GetsNothing()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var config = Config("http://127.0.0.1:9");
        using var table = new GatewayRouteTable(config, services);
        var matchedBefore = GatewayProxyConfig.Routes(config, table.Current.Generation).Single();

        table.Retire(table.Publish(table.Build(config with { Routes = [] })), handedOver: null);

        Assert.Null(table.Acquire(matchedBefore));
    }

    private static GatewayConfig Config(string pdp)
    {
        var loaded = GatewayConfigLoader.LoadYaml($"""
            issuers:
              - issuer: https://issuer.example
                jwks_uri: https://issuer.example/jwks
                audiences: [api]
            routes:
              - id: remote
                path: /remote/{"{id}"}
                upstream: http://127.0.0.1:9/
                authzen:
                  pdp:
                    host: {pdp}
            """, Path.GetTempPath());
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        return loaded.Config!;
    }
}
