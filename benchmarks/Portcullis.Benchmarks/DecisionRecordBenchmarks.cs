using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Observability;
using Portcullis.Gateway.Pipeline;

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
    }

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
