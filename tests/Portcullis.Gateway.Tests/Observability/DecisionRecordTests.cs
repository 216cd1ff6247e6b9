using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Observability;

/// <summary>One decision record per request through a real gateway, for every outcome, with the right fields and no secrets.</summary>
public sealed class DecisionRecordTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Send_AllowedCaller_RecordsAllowWithCallerRouteAndTimings()
    {
        var record = await SendAndWaitAsync(HttpMethod.Get, "/todos/rec-allow", "alice", HttpStatusCode.OK);

        Assert.Equal("allow", record.Decision);
        Assert.Equal("allowed", record.Reason);
        Assert.Equal(200, record.Status);
        Assert.Equal("alice", record.Subject);
        Assert.Equal("GET", record.Method);
        Assert.Equal("/todos/rec-allow", record.Path);
        Assert.Equal("todos", record.RouteId);
        Assert.Equal("/todos/{todoId}", record.RouteTemplate);
        Assert.False(record.CacheHit);
        Assert.True(record.AuthenticationMs > 0, "authentication time");
        Assert.True(record.PdpMs > 0, "PDP time");
        Assert.True(record.UpstreamMs > 0, "upstream time");
        Assert.True(record.TotalMs >= record.UpstreamMs, "total covers upstream");
    }

    [Fact]
    public async Task Send_DeniedCaller_RecordsDenyAnd403WithoutUpstreamTime()
    {
        var record = await SendAndWaitAsync(HttpMethod.Delete, "/todos/rec-deny", "bob", HttpStatusCode.Forbidden);

        Assert.Equal("deny", record.Decision);
        Assert.Equal("denied", record.Reason);
        Assert.Equal(403, record.Status);
        Assert.Equal("bob", record.Subject);
        Assert.Equal("DELETE", record.Method);
        Assert.Equal(0, record.UpstreamMs);
    }

    [Fact]
    public async Task Send_NoToken_RecordsUnauthenticated401WithoutSubject()
    {
        var record = await SendAndWaitAsync(HttpMethod.Get, "/todos/rec-401", subject: null, HttpStatusCode.Unauthorized);

        Assert.Equal("unauthenticated", record.Decision);
        Assert.Equal("token_missing", record.Reason);
        Assert.Equal(401, record.Status);
        Assert.Null(record.Subject);
        Assert.Equal("todos", record.RouteId);
    }

    [Fact]
    public async Task Send_PdpDown_RecordsUnavailable503()
    {
        var record = await SendAndWaitAsync(HttpMethod.Get, "/remote/rec-503", "alice", HttpStatusCode.ServiceUnavailable);

        Assert.Equal("unavailable", record.Decision);
        Assert.Equal("pdp_unavailable", record.Reason);
        Assert.Equal(503, record.Status);
        Assert.Equal("remote", record.RouteId);
        Assert.Equal(0, record.UpstreamMs);
    }

    [Fact]
    public async Task Send_AnonymousRoute_RecordsAnonymousWithoutAuthentication()
    {
        var record = await SendAndWaitAsync(HttpMethod.Get, "/public/rec/anon", subject: null, HttpStatusCode.OK);

        Assert.Equal("anonymous", record.Decision);
        Assert.Equal(200, record.Status);
        Assert.Equal("public", record.RouteId);
        Assert.Null(record.Subject);
        Assert.Equal(0, record.AuthenticationMs);
        Assert.Equal(0, record.PdpMs);
    }

    [Fact]
    public async Task Send_NoRouteMatches_Answers404ProblemWithIdAndRecordsNoRoute()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/nowhere/rec-404", "alice");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Request-ID"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(id, problem.RootElement.GetProperty("request_id").GetString());
        var record = await gateway.Records.WaitForAsync(id);
        Assert.Equal("no_route", record.Decision);
        Assert.Equal(404, record.Status);
        Assert.Null(record.RouteId);
        Assert.Null(record.RouteTemplate);
        Assert.Null(record.Subject);
        Assert.Equal("/nowhere/rec-404", record.Path);
    }

    [Fact]
    public async Task Send_OneRequest_WritesExactlyOneRecord()
    {
        var first = await SendAndWaitAsync(HttpMethod.Get, "/todos/rec-once", "alice", HttpStatusCode.OK);
        // A later request's record is written after the first request's middleware has finished: a second record
        // for the first request would be there by then.
        await SendAndWaitAsync(HttpMethod.Get, "/todos/rec-once-after", "alice", HttpStatusCode.OK);

        Assert.Equal(1, gateway.Records.CountOf(first.RequestId));
    }

    [Fact]
    public async Task Send_ClientRequestId_IsTheRecordsId()
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/todos/rec-id", "alice", r => r.Headers.Add("X-Request-ID", "rec-client-id-1"));

        var record = await gateway.Records.WaitForAsync("rec-client-id-1");
        Assert.Equal("/todos/rec-id", record.Path);
    }

    [Fact]
    public async Task Send_TokenInQueryAndHeader_NeverAppearsInTheLoggedRecord()
    {
        var token = gateway.Token("alice");
        using var response = await gateway.SendAsync(HttpMethod.Get, $"/todos/rec-secret?access_token={token}&api_key=hunter2", "alice",
            r => r.Headers.Add("X-Api-Key", "hunter2-header"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Request-ID"));
        await gateway.Records.WaitForAsync(id);

        var line = Assert.Single(gateway.Logs.Entries, e => e.Category == LoggerDecisionRecordSink.Category && e.Message.Contains(id, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        using var json = JsonDocument.Parse(line.Message);
        Assert.Equal("/todos/rec-secret", json.RootElement.GetProperty("path").GetString());
        Assert.Equal("alice", json.RootElement.GetProperty("subject").GetString());
        Assert.DoesNotContain(token, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", line.Message, StringComparison.OrdinalIgnoreCase);
        // The framework's own request logs show the URL; the host turns them down (WebHostSetup). The gateway's never do.
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Category.StartsWith("Portcullis", StringComparison.Ordinal) && e.Message.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_AnyRequest_LoggedRecordIsOneSnakeCaseJsonLine()
    {
        var record = await SendAndWaitAsync(HttpMethod.Get, "/todos/rec-json", "alice", HttpStatusCode.OK);

        var line = Assert.Single(gateway.Logs.Entries, e => e.Category == LoggerDecisionRecordSink.Category && e.Message.Contains(record.RequestId, StringComparison.Ordinal)).Message;
        Assert.DoesNotContain('\n', line);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(record.RequestId, root.GetProperty("request_id").GetString());
        Assert.Equal("allow", root.GetProperty("decision").GetString());
        Assert.Equal("todos", root.GetProperty("route_id").GetString());
        Assert.Equal("/todos/{todoId}", root.GetProperty("route_template").GetString());
        Assert.Equal(200, root.GetProperty("status").GetInt32());
        Assert.True(root.GetProperty("upstream_ms").GetDouble() > 0);
        Assert.False(root.TryGetProperty("client_id", out _), "null members are left out");
    }

    private async Task<DecisionRecord> SendAndWaitAsync(HttpMethod method, string path, string? subject, HttpStatusCode expected)
    {
        using var response = await gateway.SendAsync(method, path, subject);
        Assert.Equal(expected, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Request-ID"));
        var record = await gateway.Records.WaitForAsync(id);
        Assert.Equal(id, record.RequestId);
        return record;
    }
}
