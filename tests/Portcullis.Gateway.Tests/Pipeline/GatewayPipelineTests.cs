using System.Net;
using System.Text.Json;
using Portcullis.Gateway.Tests.Authentication;

namespace Portcullis.Gateway.Tests.Pipeline;

public sealed class GatewayPipelineTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    public static TheoryData<string> Methods => new() { "GET", "HEAD", "DELETE", "POST" };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Send_AllowedCaller_ReachesUpstreamWithTheRequest(string method)
    {
        var path = $"/todos/allowed-{method}";

        using var response = await gateway.SendAsync(new HttpMethod(method), path, "alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(ReceivedAt(path));
        Assert.Equal(method, received.Method);
        if (method != "HEAD") Assert.Equal($"{method} {path}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Send_DeniedCaller_Answers403ProblemAndNeverForwards(string method)
    {
        var path = $"/todos/denied-{method}";

        using var response = await gateway.SendAsync(new HttpMethod(method), path, "bob");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(ReceivedAt(path));
        if (method != "HEAD")
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(403, problem.RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("alice", problem.RootElement.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("policy", problem.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Send_NoToken_Answers401WithParseableChallengeAndNeverForwards(string method)
    {
        var path = $"/todos/anonymous-{method}";

        using var response = await gateway.SendAsync(new HttpMethod(method), path, subject: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var (scheme, parameters) = ChallengeParser.Parse(Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal("Bearer", scheme);
        Assert.False(parameters.ContainsKey("error"));
        Assert.Empty(ReceivedAt(path));
    }

    [Fact]
    public async Task Send_InvalidToken_Answers401WithInvalidTokenChallenge()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/todos/garbage", null,
            r => r.Headers.Authorization = new("Bearer", "not.a.token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var (_, parameters) = ChallengeParser.Parse(Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal("invalid_token", parameters["error"]);
        Assert.Empty(ReceivedAt("/todos/garbage"));
    }

    [Fact]
    public async Task Send_TokensChangingOnOneKeepAliveConnection_EachIsAuthenticatedAsItself()
    {
        // One connection (the gateway remembers the last token's digest per connection): a token sent after another
        // must be judged as itself, never as the one before it.
        var connections = 0;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        }) { BaseAddress = gateway.Client.BaseAddress };
        var alice = gateway.Token("alice");
        var bob = gateway.Token("bob");
        (string? Token, HttpStatusCode Expected)[] sequence =
        [
            (alice, HttpStatusCode.OK), (alice, HttpStatusCode.OK), (bob, HttpStatusCode.Forbidden), (alice, HttpStatusCode.OK),
            ("not.a.token", HttpStatusCode.Unauthorized), (alice + "x", HttpStatusCode.Unauthorized), (null, HttpStatusCode.Unauthorized),
            (alice, HttpStatusCode.OK), (bob, HttpStatusCode.Forbidden),
        ];

        var statuses = new List<HttpStatusCode>();
        foreach (var (token, _) in sequence)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/todos/one-connection");
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(sequence.Select(step => step.Expected), statuses);
        Assert.Equal(1, connections);
        Assert.Equal(4, ReceivedAt("/todos/one-connection").Count());
    }

    [Fact]
    public async Task Send_SameCallerOnAnotherRouteTemplate_IsDenied()
    {
        // The policy allows alice only on the resource "/todos/{todoId}": the PDP sees the route template, not the path.
        using var response = await gateway.SendAsync(HttpMethod.Get, "/notes/42", "alice");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(ReceivedAt("/notes/42"));
    }

    [Fact]
    public async Task Send_SpoofedIdentityHeaders_AreStrippedBeforeTheUpstream()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/todos/spoofed", "alice", r =>
        {
            r.Headers.Add("X-User-Id", "admin");
            r.Headers.Add("x-tenant-id", "other");
            r.Headers.Add("X-Other", "kept");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(ReceivedAt("/todos/spoofed"));
        Assert.False(received.Headers.ContainsKey("X-User-Id"));
        Assert.False(received.Headers.ContainsKey("X-Tenant-Id"));
        Assert.Equal("kept", received.Headers["X-Other"]);
    }

    [Fact]
    public async Task Send_RouteRemovingAuthorization_UpstreamSeesNoToken()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/todos/no-token-upstream", "alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(ReceivedAt("/todos/no-token-upstream")).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Send_ValidRequestId_IsKeptAndForwarded()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/todos/with-id", "alice", r => r.Headers.Add("X-Request-ID", "abc-123"));

        Assert.Equal("abc-123", Assert.Single(response.Headers.GetValues("X-Request-ID")));
        Assert.Equal("abc-123", Assert.Single(ReceivedAt("/todos/with-id")).Headers["X-Request-ID"]);
    }

    [Fact]
    public async Task Send_InvalidOrMissingRequestId_GetsAGeneratedOne()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/todos/bad-id", "alice", r => r.Headers.TryAddWithoutValidation("X-Request-ID", "bad id\"<script>"));

        var id = Assert.Single(response.Headers.GetValues("X-Request-ID"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, Assert.Single(ReceivedAt("/todos/bad-id")).Headers["X-Request-ID"]);
    }

    [Fact]
    public async Task Send_AnonymousRoute_ReachesUpstreamWithoutToken()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/public/docs/readme", subject: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(ReceivedAt("/public/docs/readme"));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Send_PdpDown_Answers503WithRetryAfterAndNeverForwards(string method)
    {
        var path = $"/remote/{method}";

        using var response = await gateway.SendAsync(new HttpMethod(method), path, "alice");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(ReceivedAt(path));
    }

    private IEnumerable<ReceivedRequest> ReceivedAt(string path) => gateway.Upstream.Received.Where(r => r.Path == path);
}
