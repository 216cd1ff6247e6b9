using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Portcullis.Benchmarks;

/// <summary>
/// The per-request cost of a decision record: building it from the request's gateway feature, and serializing it to
/// the JSON line the default sink logs. Both run once per request on the hot path; the target is a few hundred
/// nanoseconds and one record's worth of allocation (plus the line's string when serialized).
/// </summary>
[MemoryDiagnoser]
public class DecisionRecordBenchmarks
{
    private GatewayFeature _feature = null!;
    private HttpRequest _request = null!;
    private DecisionRecord _record = null!;
    private ServiceProvider _services = null!;
    private GatewayMetrics _metrics = null!;
    private JsonLinesDecisionRecordSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        var route = new GatewayRouteConfig { Id = "todos", Path = "/todos/{todoId}", Upstream = new Uri("http://127.0.0.1:5000/") };
        _feature = new GatewayFeature("0af7651916cd43dd8448eb211c80319c", DateTimeOffset.UtcNow)
        {
            Route = new GatewayRoute(route, Pdp: null),
            Caller = new Caller
            {
                Subject = "alice",
                Issuer = "https://idp.example",
                ClientId = "todo-app",
                Claims = JsonDocument.Parse("""{"sub":"alice"}""").RootElement,
                ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
            },
            Outcome = GatewayOutcome.Allowed,
            Reason = "allowed",
            Pdp = "embedded",
            AuthenticationTime = TimeSpan.FromMicroseconds(35),
            PdpTime = TimeSpan.FromMicroseconds(12),
            UpstreamTime = TimeSpan.FromMilliseconds(2.5),
        };
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/todos/42";
        _request = context.Request;
        _record = Build();
        // The metrics as `portcullis serve` registers them: OpenTelemetry listening, the Prometheus exporter attached.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGatewayObservability(DecisionRecordOutput.None);
        _services = services.BuildServiceProvider();
        _ = _services.GetRequiredService<MeterProvider>();
        _metrics = _services.GetRequiredService<GatewayMetrics>();
        _sink = new JsonLinesDecisionRecordSink(Stream.Null, _metrics);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sink.Dispose();
        _services.Dispose();
    }

    /// <summary>Records the request's metrics (a cached decision: counter, two histograms, cache lookup).</summary>
    [Benchmark]
    public void Metrics() => _metrics.Record(_record, cacheLookup: true);

    /// <summary>Hands the record to the default output (stdout's JSON lines, here into <see cref="Stream.Null"/>).</summary>
    [Benchmark]
    public void WriteJsonLine() => _sink.Write(_record);

    /// <summary>Builds the record of an allowed, forwarded request.</summary>
    [Benchmark]
    public DecisionRecord Build() => DecisionRecordBuilder.Build(_feature, _request, 200, TimeSpan.FromMilliseconds(2.7));

    /// <summary>Serializes a record to the one JSON line the default sink logs.</summary>
    [Benchmark]
    public string Serialize() => LoggerDecisionRecordSink.Serialize(_record);

    /// <summary>Both, as the default sink does per request.</summary>
    [Benchmark]
    public string BuildAndSerialize() => LoggerDecisionRecordSink.Serialize(Build());
}
