using System.Collections.Concurrent;
using System.Net;
using Portcullis.Gateway.Tests.Authentication;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Reload;

/// <summary>Rewrites the configuration file of a real gateway while clients keep sending requests through it.</summary>
public sealed class ConfigReloadTests : IAsyncLifetime
{
    private const string Audience = "api://todos";
    private const int Reloaded = 4202;
    private const int Problem = 4203;
    private const int Rejected = 4204;
    private const int Clients = 4;
    private const int MinimumRequests = 2_000;
    private const int MaximumRequests = 20_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private const string Policy = GatewayFixture.Policy;

    private readonly TempFolder folder = new();
    private TestIssuerServer issuer = null!;
    private EchoUpstream upstreamA = null!;
    private EchoUpstream upstreamB = null!;
    private FileGatewayHost gateway = null!;
    private string configFile = null!;

    public async Task InitializeAsync()
    {
        issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        upstreamA = await EchoUpstream.StartAsync("a");
        upstreamB = await EchoUpstream.StartAsync("b");
        folder.Write("policies/route.yaml", Policy);
        configFile = folder.Write("portcullis.yaml", Config(todos: upstreamA));
        gateway = await FileGatewayHost.StartAsync(configFile);
    }

    [Fact]
    public async Task RewritingTheConfigUnderTraffic_NoRequestFails_NewRoutesAnswer_BrokenFileIsRefusedAndLogged()
    {
        using var client = new HttpClient { BaseAddress = gateway.Address, Timeout = Bound };
        var tokens = Enumerable.Range(0, Clients).Select(_ => issuer.Token("alice", Audience, TestKey.Rsa1)).ToArray();
        var failures = new ConcurrentQueue<string>();
        var served = new ConcurrentQueue<(Phase Phase, string Upstream)>();
        var completed = 0;
        var phase = (int)Phase.BeforeUpstreamChange;
        var rewritesDone = false;

        async Task RunClientAsync(int clientId)
        {
            for (var n = 0; !(Volatile.Read(ref rewritesDone) && Volatile.Read(ref completed) >= MinimumRequests) && Volatile.Read(ref completed) < MaximumRequests; n++)
            {
                var started = (Phase)Volatile.Read(ref phase);
                var path = $"/todos/c{clientId}-{n}";
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.Authorization = new("Bearer", tokens[clientId]);
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var upstream = response.Headers.TryGetValues(EchoUpstream.NameHeader, out var names) ? names.Single() : "(none)";
                    if (response.StatusCode != HttpStatusCode.OK || body != $"GET {path}") failures.Enqueue($"{path}: {(int)response.StatusCode} {body}");
                    else served.Enqueue((started, upstream));
                }
                catch (HttpRequestException e)
                {
                    failures.Enqueue($"{path}: {e.Message}");
                }
                Interlocked.Increment(ref completed);
            }
        }

        async Task AfterMoreTrafficAsync(int requests)
        {
            var target = Volatile.Read(ref completed) + requests;
            while (Volatile.Read(ref completed) < target) await Task.Delay(10);
        }

        async Task RewriteAsync()
        {
            try
            {
                await AfterMoreTrafficAsync(200);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/extra/1", UriKind.Relative))).StatusCode);

                // 1. A new route, written in place.
                File.WriteAllText(configFile, Config(todos: upstreamA, extra: upstreamA));
                await gateway.Logs.WaitForAsync(Reloaded, 1, Bound);
                await AssertServedAsync(client, "/extra/1", "a");
                await AfterMoreTrafficAsync(200);

                // 2. A broken file: refused, every problem logged with its line, the previous configuration stays.
                File.WriteAllText(configFile, Config(todos: upstreamA, extra: upstreamA) + Broken);
                await gateway.Logs.WaitForAsync(Rejected, 1, Bound);
                await AssertServedAsync(client, "/extra/2", "a");
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/broken/1", UriKind.Relative))).StatusCode);
                await AfterMoreTrafficAsync(200);

                // 3. The policy route's upstream changes, by atomic replace (write a temporary file, rename it over).
                Volatile.Write(ref phase, (int)Phase.DuringUpstreamChange);
                var temporary = configFile + ".tmp";
                File.WriteAllText(temporary, Config(todos: upstreamB, extra: upstreamA));
                File.Move(temporary, configFile, overwrite: true);
                await gateway.Logs.WaitForAsync(Reloaded, 2, Bound);
                Volatile.Write(ref phase, (int)Phase.AfterUpstreamChange);
                await AfterMoreTrafficAsync(200);

                // 4. Another route, the file written twice in a row as editors do.
                var withMore = Config(todos: upstreamB, extra: upstreamA, more: upstreamB);
                File.WriteAllText(configFile, withMore);
                File.WriteAllText(configFile, withMore);
                await gateway.Logs.WaitForAsync(Reloaded, 3, Bound);
                await AssertServedAsync(client, "/more/1", "b");
                await AfterMoreTrafficAsync(200);
            }
            finally
            {
                Volatile.Write(ref rewritesDone, true);
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(id => Task.Run(() => RunClientAsync(id))).ToList();
        await RewriteAsync();
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        Assert.InRange(completed, MinimumRequests, MaximumRequests - 1);
        Assert.All(served.Where(s => s.Phase == Phase.BeforeUpstreamChange), s => Assert.Equal("a", s.Upstream));
        Assert.All(served.Where(s => s.Phase == Phase.AfterUpstreamChange), s => Assert.Equal("b", s.Upstream));
        Assert.Contains(served, s => s.Phase == Phase.AfterUpstreamChange);

        var problems = gateway.Logs.Entries.Where(e => e.Id.Id == Problem).Select(e => e.Message).ToList();
        Assert.Contains(problems, m => m.StartsWith(configFile + ":", StringComparison.Ordinal) && m.Contains("routes[2].upstream: is required", StringComparison.Ordinal));
        Assert.Contains(problems, m => m.StartsWith(configFile + ":", StringComparison.Ordinal) && m.Contains("unknown HTTP method 'FETCH'", StringComparison.Ordinal));
        Assert.All(problems, m => Assert.Matches(@":\d+:\d+: ", m));
        Assert.Equal(1, gateway.Logs.Count(Rejected));
        Assert.Contains(gateway.Logs.Entries, e => e.Id.Id == Reloaded && e.Message.StartsWith("configuration reloaded (3 routes)", StringComparison.Ordinal));
    }

    private static async Task AssertServedAsync(HttpClient client, string path, string upstream)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(upstream, response.Headers.GetValues(EchoUpstream.NameHeader).Single());
    }

    private const string Broken = """
          - id: broken
            path: /broken/{id}
            methods: [FETCH]

        """;

    private string Config(EchoUpstream todos, EchoUpstream? extra = null, EchoUpstream? more = null)
    {
        var text = $"""
            pdp:
              policies: policies
            issuers:
              - issuer: {issuer.Issuer}
                jwks_uri: {issuer.JwksUri}
                audiences: [{Audience}]
            routes:
              - id: todos
                path: /todos/{"{todoId}"}
                upstream: {todos.BaseAddress}

            """;
        if (extra is not null) text += Route("extra", extra);
        if (more is not null) text += Route("more", more);
        return text;

        static string Route(string id, EchoUpstream upstream) => $"""
              - id: {id}
                path: /{id}/{"{id}"}
                upstream: {upstream.BaseAddress}
                anonymous: true

            """;
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await upstreamB.DisposeAsync();
        await upstreamA.DisposeAsync();
        await issuer.DisposeAsync();
        folder.Dispose();
    }

    private enum Phase
    {
        BeforeUpstreamChange,
        DuringUpstreamChange,
        AfterUpstreamChange,
    }
}
