using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portcullis.Pdp.Service;
using Portcullis.TestSupport;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Decisions;

/// <summary>A cached decision of the embedded PDP does not outlive the policies it was decided on: after a policy reload
/// the same request is decided again, even though its cache entry's TTL has not passed.</summary>
public sealed class EmbeddedPolicyReloadTests
{
    private const string Audience = "api://docs";

    private static string Policy(string effect) => $"""
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: everyone
              actions: ["*"]
              effect: {effect}
              roles: ["identity"]
        """;

    [Fact]
    public async Task Send_AfterThePoliciesReload_TheCachedAllowIsNotUsed()
    {
        using var folder = new TempFolder();
        await using var issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        await using var upstream = await EchoUpstream.StartAsync();
        folder.Write("policies/route.yaml", Policy("EFFECT_ALLOW"));
        var yaml = $"""
            pdp:
              policies: policies
            issuers:
              - issuer: {issuer.Issuer}
                jwks_uri: {issuer.JwksUri}
                audiences: [{Audience}]
            routes:
              - id: docs
                path: /docs/{"{docId}"}
                upstream: {upstream.BaseAddress}
                decision_cache_ttl_seconds: 600
            """;
        var (app, client) = await GatewayHost.StartAsync(yaml, folder.Root);
        await using var _ = app;
        using var __ = client;
        var token = issuer.Token("alice", Audience, TestKey.Rsa1);

        using var allowed = await SendAsync(client, token);
        using var cached = await SendAsync(client, token);
        folder.Write("policies/route.yaml", Policy("EFFECT_DENY"));
        var reload = await app.Services.GetRequiredService<PdpHost>().ReloadAsync();
        using var afterReload = await SendAsync(client, token);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.NotNull(reload.Snapshot);
        Assert.Equal(HttpStatusCode.Forbidden, afterReload.StatusCode);
        Assert.Equal(2, upstream.Received.Count);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/docs/7");
        request.Headers.Authorization = new("Bearer", token);
        return client.SendAsync(request);
    }
}
