using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Tests.Client;

/// <summary>Every way a remote PDP can fail to decide ends in <see cref="PdpUnavailableException"/> of the right kind.</summary>
public sealed class AuthZenHttpClientFailureTests
{
    [Fact]
    public async Task EvaluateAsync_PdpSlowerThanTheTimeout_TimeoutWellBeforeThePdpAnswers()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        using var client = Requests.Client(pdp.BaseAddress, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Equal(PdpFailureKind.Timeout, e.Kind);
        Assert.Contains("did not answer within 300 ms", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the call waited for the PDP instead of timing out");
    }

    [Fact]
    public async Task EvaluateAsync_NothingListens_ConnectionFailed()
    {
        using var client = Requests.Client(new Uri($"http://127.0.0.1:{UnusedPort()}/"));

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Equal(PdpFailureKind.ConnectionFailed, e.Kind);
        Assert.Contains("connection refused", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_Status500_HttpStatusWithTheCode()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json("""{"error":"db down at postgres://admin:pw@db"}""", 500);
        using var client = Requests.Client(pdp.BaseAddress);

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Equal(PdpFailureKind.HttpStatus, e.Kind);
        Assert.Equal(500, e.StatusCode);
        Assert.DoesNotContain("postgres", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>oops</html>")]
    [InlineData("")]
    [InlineData("""{"decision":true""")]
    public async Task EvaluateAsync_BodyNotJson_InvalidResponse(string body)
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json(body);
        using var client = Requests.Client(pdp.BaseAddress);

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Equal(PdpFailureKind.InvalidResponse, e.Kind);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"context":{}}""")]
    [InlineData("""{"decision":"true"}""")]
    [InlineData("""{"decision":1}""")]
    [InlineData("""{"decision":null}""")]
    [InlineData("[true]")]
    public async Task EvaluateAsync_NoBooleanDecision_InvalidResponseNotADeny(string body)
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json(body);
        using var client = Requests.Client(pdp.BaseAddress);

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Equal(PdpFailureKind.InvalidResponse, e.Kind);
        Assert.Contains("without a boolean decision", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"evaluations":[{"decision":true},{}]}""")]
    [InlineData("""{"evaluations":[{"decision":true},{"decision":true},{"decision":true}]}""")]
    [InlineData("""{"decisions":[]}""")]
    public async Task EvaluateManyAsync_MalformedBatchAnswer_InvalidResponse(string body)
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json(body);
        using var client = Requests.Client(pdp.BaseAddress);
        var request = new EvaluationsRequest
        {
            Subject = new Subject { Type = "user", Id = "a" },
            Action = new AccessAction { Name = "read" },
            Evaluations = [new EvaluationItem { Resource = new Resource { Type = "d", Id = "1" } }, new EvaluationItem { Resource = new Resource { Type = "d", Id = "2" } }],
        };

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateManyAsync(request).AsTask());

        Assert.Equal(PdpFailureKind.InvalidResponse, e.Kind);
    }

    [Fact]
    public async Task EvaluateAsync_BodyLargerThanTheLimit_InvalidResponse()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json("{\"decision\":true,\"context\":{\"pad\":\"" + new string('x', 4096) + "\"}}");
        using var client = Requests.Client(pdp.BaseAddress, o => o.MaxResponseBytes = 1024);

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Equal(PdpFailureKind.InvalidResponse, e.Kind);
    }

    [Fact]
    public async Task EvaluateAsync_Redirect_NotFollowed()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = "http://127.0.0.1:1/elsewhere";
            return Task.CompletedTask;
        };
        using var client = Requests.Client(pdp.BaseAddress, o => o.UseDiscovery = false);

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Equal(307, e.StatusCode);
    }

    [Fact]
    public async Task EvaluateAsync_BaseAddressWithCredentials_MessageWithoutThem()
    {
        var port = UnusedPort();
        using var client = Requests.Client(new Uri($"http://pdpuser:s3cret@127.0.0.1:{port}/pdp?key=k3y"));

        var e = await Assert.ThrowsAsync<PdpUnavailableException>(() => client.EvaluateAsync(Requests.Read("a", "a")).AsTask());

        Assert.Contains($"http://127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_CallerCancels_OperationCanceledNotUnavailable()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        using var client = Requests.Client(pdp.BaseAddress, o => o.Timeout = TimeSpan.FromSeconds(20));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.EvaluateAsync(Requests.Read("a", "a"), cancel.Token).AsTask());
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
