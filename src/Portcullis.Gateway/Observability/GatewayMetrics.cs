using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Portcullis.Gateway.Observability;

/// <summary>The gateway's instruments on the meter <see cref="MeterName"/>, exported for Prometheus at <c>/metrics</c>.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>portcullis_decisions</c> (counter): one per request, by <c>decision</c>, <c>reason</c> and <c>route</c>.</item>
/// <item><c>portcullis_token_validation_duration</c>, <c>portcullis_pdp_duration</c>, <c>portcullis_upstream_duration</c>
/// (histograms, seconds, by <c>route</c>): recorded only when the stage ran (a cache hit asks no PDP).</item>
/// <item><c>portcullis_decision_cache_lookups</c> (counter, by <c>result</c> = <c>hit</c> | <c>miss</c>): hit ratio.</item>
/// <item><c>portcullis_decision_record_sink_failures</c> (counter): records a sink threw on.</item>
/// </list>
/// The two per-request counters are counted here (one lock-free increment per request) and reported to OpenTelemetry
/// as observable counters when it collects, which is several times cheaper than a tagged measurement per request; the
/// histograms are OpenTelemetry's. Tags are passed as separate key/value pairs (the allocation-free overloads); the
/// route id's cardinality is bounded by the configuration, decisions and reasons are the gateway's own words.
/// </remarks>
internal sealed class GatewayMetrics
{
    /// <summary>The meter's name, also the <c>ActivitySource</c>'s.</summary>
    public const string MeterName = "Portcullis.Gateway";

    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<DecisionKey, StrongBox<long>> decisions = new();
    private readonly ConcurrentDictionary<CacheLookupKey, StrongBox<long>> cacheLookups = new();
    private readonly Histogram<double> tokenValidation;
    private readonly Histogram<double> pdp;
    private readonly Histogram<double> upstream;
    private readonly Counter<long> sinkFailures;
    private readonly Counter<long> recordsDropped;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("portcullis_decisions", ObserveDecisions, description: "Requests through the gateway, by decision, reason and route.");
        tokenValidation = Seconds(meter, "portcullis_token_validation_duration", "Time spent validating the bearer token.");
        pdp = Seconds(meter, "portcullis_pdp_duration", "Time spent waiting for the PDP (not on a cache hit).");
        upstream = Seconds(meter, "portcullis_upstream_duration", "Time from forwarding to the upstream's response headers.");
        meter.CreateObservableCounter("portcullis_decision_cache_lookups", ObserveCacheLookups, description: "Decision cache lookups, by result (hit or miss).");
        sinkFailures = meter.CreateCounter<long>("portcullis_decision_record_sink_failures", description: "Decision records a sink failed to take.");
        recordsDropped = meter.CreateCounter<long>("portcullis_decision_records_dropped", description: "Decision records dropped because their output could not keep up.");
    }

    public void Record(DecisionRecord record, bool cacheLookup)
    {
        var routeId = record.RouteId ?? "";
        Increment(decisions, new DecisionKey(record.Decision, record.Reason ?? "", routeId));
        var route = new KeyValuePair<string, object?>("route", routeId);
        if (record.AuthenticationMs > 0) tokenValidation.Record(record.AuthenticationMs / 1000, route);
        if (record.PdpMs > 0 && !record.CacheHit) pdp.Record(record.PdpMs / 1000, route);
        if (record.UpstreamMs > 0) upstream.Record(record.UpstreamMs / 1000, route);
        if (record.CacheHit) Increment(cacheLookups, new CacheLookupKey("hit", routeId));
        else if (cacheLookup) Increment(cacheLookups, new CacheLookupKey("miss", routeId));
    }

    public void SinkFailed() => sinkFailures.Add(1);

    /// <summary>Counts a record the JSON-lines output had to drop.</summary>
    public void RecordDropped() => recordsDropped.Add(1);

    private static void Increment<TKey>(ConcurrentDictionary<TKey, StrongBox<long>> counts, TKey key)
        where TKey : notnull =>
        Interlocked.Increment(ref counts.GetOrAdd(key, static _ => new StrongBox<long>()).Value);

    private IEnumerable<Measurement<long>> ObserveDecisions()
    {
        foreach (var (key, count) in decisions)
        {
            yield return new Measurement<long>(Interlocked.Read(ref count.Value),
                new KeyValuePair<string, object?>("decision", key.Decision), new KeyValuePair<string, object?>("reason", key.Reason),
                new KeyValuePair<string, object?>("route", key.Route));
        }
    }

    private IEnumerable<Measurement<long>> ObserveCacheLookups()
    {
        foreach (var (key, count) in cacheLookups)
        {
            yield return new Measurement<long>(Interlocked.Read(ref count.Value),
                new KeyValuePair<string, object?>("result", key.Result), new KeyValuePair<string, object?>("route", key.Route));
        }
    }

    private readonly record struct DecisionKey(string Decision, string Reason, string Route);

    private readonly record struct CacheLookupKey(string Result, string Route);

    private static Histogram<double> Seconds(Meter meter, string name, string description) =>
        meter.CreateHistogram(name, unit: "s", description: description, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
}
