using System.Net;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Observability;

/// <summary>The meter is process-wide, so these tests run alone (no other gateway counting at the same time).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "metrics";
}

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Metrics_AfterRequests_CountsDecisionsAndTimesEachStage()
    {
        var before = await ScrapeAsync();

        await SendAsync("/todos/m-allow-1", "alice", HttpStatusCode.OK);
        await SendAsync("/todos/m-allow-2", "alice", HttpStatusCode.OK);
        await SendAsync("/todos/m-deny", "bob", HttpStatusCode.Forbidden);
        await SendAsync("/todos/m-401", null, HttpStatusCode.Unauthorized);
        await SendAsync("/nowhere/m-404", "alice", HttpStatusCode.NotFound);
        var after = await ScrapeAsync();

        double Delta(string name, params (string, string)[] labels) => PrometheusText.Sum(after, name, labels) - PrometheusText.Sum(before, name, labels);
        Assert.True(2 == Delta("portcullis_decisions_total", ("decision", "allow"), ("reason", "allowed"), ("route", "todos")), after);
        Assert.Equal(1, Delta("portcullis_decisions_total", ("decision", "deny"), ("reason", "denied"), ("route", "todos")));
        Assert.Equal(1, Delta("portcullis_decisions_total", ("decision", "unauthenticated"), ("reason", "token_missing"), ("route", "todos")));
        Assert.Equal(1, Delta("portcullis_decisions_total", ("decision", "no_route")));
        Assert.Equal(4, Delta("portcullis_token_validation_duration_seconds_count", ("route", "todos")));
        Assert.Equal(3, Delta("portcullis_pdp_duration_seconds_count", ("route", "todos")));
        Assert.Equal(2, Delta("portcullis_upstream_duration_seconds_count", ("route", "todos")));
        Assert.True(Delta("portcullis_upstream_duration_seconds_sum", ("route", "todos")) > 0);
    }

    [Fact]
    public async Task Metrics_Scrape_IsNotItselfADecision()
    {
        var first = await ScrapeAsync();
        var second = await ScrapeAsync();

        Assert.Equal(PrometheusText.Sum(first, "portcullis_decisions_total"), PrometheusText.Sum(second, "portcullis_decisions_total"));
        Assert.DoesNotContain(gateway.Records.All, r => r.Path == "/metrics");
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await gateway.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    // Metrics are recorded with the decision record, after the response: wait for the record before scraping.
    private async Task SendAsync(string path, string? subject, HttpStatusCode expected)
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, path, subject);
        Assert.Equal(expected, response.StatusCode);
        await gateway.Records.WaitForAsync(Assert.Single(response.Headers.GetValues("X-Request-ID")));
    }
}
