using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Tests.Pipeline;
using Portcullis.Pdp.Service;

namespace Portcullis.Gateway.Tests.Observability;

public sealed class HealthTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/healthz", "ok")]
    [InlineData("/readyz", "ready")]
    public async Task Get_RunningGateway_Answers200JsonAndWritesNoRecord(string path, string status)
    {
        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, body.RootElement.GetProperty("status").GetString());
        // A later proxied request's record is there, the probe's never is.
        using var later = await gateway.SendAsync(HttpMethod.Get, "/public/after-probe", subject: null);
        await gateway.Records.WaitForAsync(Assert.Single(later.Headers.GetValues("X-Request-ID")));
        Assert.DoesNotContain(gateway.Records.All, r => r.Path == path);
    }

    [Fact]
    public async Task Head_Readyz_Answers200()
    {
        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/readyz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_EmbeddedPdpNotLoadable_Answers503NamingIt()
    {
        using var folder = new TempFolder();
        folder.Write("policies/broken.yaml", "apiVersion: api.cerbos.dev/v1\nresourcePolicy: [not, a, policy\n");
        using var services = EmbeddedPdpServices(folder.Root);
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        lifetime.NotifyStarted();
        var readiness = new GatewayReadiness(Config(folder.Root), services, lifetime);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Response.Body = new MemoryStream();

        await GatewayEndpoints.WriteReadinessAsync(context, readiness);

        Assert.Equal(503, context.Response.StatusCode);
        await context.Response.BodyWriter.FlushAsync();
        using var body = JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal("not_ready", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["embedded_pdp"], body.RootElement.GetProperty("not_ready").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Readiness_FollowsTheHostLifetimeAndTheLoadedPdp()
    {
        using var folder = new TempFolder();
        folder.Write("policies/route.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: route
              version: default
              rules:
                - actions: ["*"]
                  effect: EFFECT_ALLOW
                  roles: ["identity"]
            """);
        using var services = EmbeddedPdpServices(folder.Root);
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var readiness = new GatewayReadiness(Config(folder.Root), services, lifetime);

        Assert.Equal(["starting"], readiness.NotReady());
        lifetime.NotifyStarted();
        Assert.Empty(readiness.NotReady());
        lifetime.StopApplication();
        Assert.Equal(["stopping"], readiness.NotReady());
    }

    private static ServiceProvider EmbeddedPdpServices(string root) =>
        new ServiceCollection().AddEmbeddedPdp(o =>
        {
            o.PoliciesPath = Path.Combine(root, "policies");
            o.Watch = false;
        }).BuildServiceProvider();

    private static GatewayConfig Config(string root)
    {
        var loaded = GatewayConfigLoader.LoadYaml("""
            pdp:
              policies: policies
            issuers:
              - issuer: https://idp.example
                jwks_uri: https://idp.example/jwks
                audiences: [api]
            routes:
              - id: todos
                path: /todos/{id}
                upstream: http://127.0.0.1:9
            """, root);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        return loaded.Config!;
    }
}
