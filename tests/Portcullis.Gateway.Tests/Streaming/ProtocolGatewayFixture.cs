using Portcullis.Gateway.Hosting;
using Portcullis.Gateway.Tests.Authentication;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Streaming;

/// <summary>A real gateway (from a configuration file) in front of an HTTP/2-only upstream and a streaming upstream,
/// with a real token issuer and the embedded PDP allowing alice everything and nobody else anything.</summary>
public sealed class ProtocolGatewayFixture : IAsyncLifetime
{
    public const string Audience = "api://protocols";

    private const string Policy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: alice
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["identity"]
              condition:
                match:
                  expr: request.principal.id == "alice"
        """;

    private readonly TempFolder folder = new();
    private TestIssuerServer issuer = null!;
    private FileGatewayHost gateway = null!;

    internal EchoUpstream Http2Upstream { get; private set; } = null!;

    internal StreamingUpstream Streaming { get; private set; } = null!;

    /// <summary>Gets the gateway's ordinary address (HTTP/1.1).</summary>
    public Uri Address => gateway.Address;

    /// <summary>Gets the gateway's h2c address (HTTP/2 with prior knowledge).</summary>
    public Uri H2cAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        Http2Upstream = await EchoUpstream.StartAsync("h2", http2Only: true);
        Streaming = await StreamingUpstream.StartAsync();
        folder.Write("policies/route.yaml", Policy);
        var config = folder.Write("portcullis.yaml", $"""
            pdp:
              policies: policies
            issuers:
              - issuer: {issuer.Issuer}
                jwks_uri: {issuer.JwksUri}
                audiences: [{Audience}]
            routes:
              - id: h2
                path: /h2/{"{id}"}
                upstream: {Http2Upstream.BaseAddress}
                upstream_http_version: "2"
              - id: events
                path: /events/{"{id}"}
                upstream: {Streaming.BaseAddress}
              - id: upload
                path: /upload/{"{id}"}
                upstream: {Streaming.BaseAddress}
            """);
        var h2cPort = FreePort.Next();
        gateway = await FileGatewayHost.StartAsync(config, builder => builder.WebHost.UseGatewayUrls("http://127.0.0.1:0", $"http://127.0.0.1:{h2cPort}"));
        H2cAddress = gateway.Addresses.Single(a => a.Port == h2cPort);
    }

    public string Token(string subject) => issuer.Token(subject, Audience, TestKey.Rsa1);

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await Streaming.DisposeAsync();
        await Http2Upstream.DisposeAsync();
        await issuer.DisposeAsync();
        folder.Dispose();
    }
}
