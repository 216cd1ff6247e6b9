using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Pipeline;
using Portcullis.Gateway.Tests.Observability;
using Portcullis.TestSupport;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>A real gateway on 127.0.0.1 with a real token issuer, a real upstream and the embedded PDP on a small
/// policy: alice may do anything on the route template <c>/todos/{todoId}</c>, nobody else anything.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string Audience = "api://todos";

    /// <summary>The policy: alice may do anything on <c>/todos/{todoId}</c>, nobody else anything.</summary>
    internal const string Policy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: route
          version: default
          rules:
            - name: alice-on-todos
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["identity"]
              condition:
                match:
                  all:
                    of:
                      - expr: request.principal.id == "alice"
                      - expr: request.resource.id == "/todos/{todoId}"
        """;

    private static readonly JsonWebTokenHandler Signer = new();
    private readonly TempFolder folder = new();
    private TestIssuerServer issuer = null!;
    private WebApplication gateway = null!;

    internal EchoUpstream Upstream { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Gets every decision record the gateway wrote.</summary>
    public RecordCollector Records { get; } = new();

    /// <summary>Gets everything the gateway logged.</summary>
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        Upstream = await EchoUpstream.StartAsync();
        folder.Write("policies/route.yaml", Policy);
        var closedPort = FreePort.Next();
        var yaml = $"""
            decision_records:
              output: log
            pdp:
              policies: policies
            issuers:
              - issuer: {issuer.Issuer}
                jwks_uri: {issuer.JwksUri}
                audiences: [{Audience}]
            routes:
              - id: todos
                path: /todos/{"{todoId}"}
                upstream: {Upstream.BaseAddress}
                remove_authorization: true
              - id: notes
                path: /notes/{"{noteId}"}
                upstream: {Upstream.BaseAddress}
              - id: public
                path: /public/{"{**rest}"}
                upstream: {Upstream.BaseAddress}
                anonymous: true
              - id: remote
                path: /remote/{"{id}"}
                upstream: {Upstream.BaseAddress}
                authzen:
                  pdp:
                    host: http://127.0.0.1:{closedPort}
            """;
        (gateway, var client) = await GatewayHost.StartAsync(yaml, folder.Root, services => services.AddSingleton<IDecisionRecordSink>(Records), logs: Logs);
        Client = client;
    }

    /// <summary>Signs a valid token for <paramref name="subject"/>.</summary>
    public string Token(string subject) => Signer.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer.Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = TestKey.Rsa1.Credentials(),
        Claims = new Dictionary<string, object> { ["sub"] = subject },
    });

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/>, with a bearer token for <paramref name="subject"/> when given.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? subject, Action<HttpRequestMessage>? customize = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (subject is not null) request.Headers.Authorization = new("Bearer", Token(subject));
        if (method == HttpMethod.Post) request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        customize?.Invoke(request);
        return Client.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        await issuer.DisposeAsync();
        folder.Dispose();
    }
}
