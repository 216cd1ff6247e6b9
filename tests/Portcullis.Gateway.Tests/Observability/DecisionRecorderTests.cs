using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Observability;

public sealed class DecisionRecorderTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Write_SinkThrows_OtherSinksStillGetEveryRecordAndTheFailureIsCountedAndLoggedOnce()
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        var failures = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "portcullis_decision_record_sink_failures") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failures, value));
        listener.Start();
        var logs = new CapturedLogs();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var collector = new RecordCollector();
        var recorder = new DecisionRecorder([new ThrowingSink(), collector], new GatewayMetrics(factory), loggerFactory.CreateLogger<DecisionRecorder>());

        recorder.Write(Record("r1"), cacheLookup: false);
        recorder.Write(Record("r2"), cacheLookup: false);

        Assert.Equal(["r1", "r2"], collector.All.Select(r => r.RequestId));
        Assert.Equal(2, Interlocked.Read(ref failures));
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(nameof(ThrowingSink), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CacheHitAndMiss_AreCountedForTheHitRatio()
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        // An observable counter: its totals are read when the listener collects, as the Prometheus exporter does.
        var lookups = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "portcullis_decision_cache_lookups") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "result") lookups[(string)tag.Value!] = value;
        });
        listener.Start();
        var recorder = new DecisionRecorder([], new GatewayMetrics(factory), NullLogger<DecisionRecorder>.Instance);

        recorder.Write(Record("hit") with { CacheHit = true }, cacheLookup: true);
        recorder.Write(Record("miss"), cacheLookup: true);
        recorder.Write(Record("no-cache"), cacheLookup: false);
        recorder.Write(Record("hit again") with { CacheHit = true }, cacheLookup: true);
        listener.RecordObservableInstruments();

        Assert.Equal(new Dictionary<string, long> { ["hit"] = 2, ["miss"] = 1 }, lookups);
    }

    public void Dispose() => services.Dispose();

    private static DecisionRecord Record(string id) => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        RequestId = id,
        Method = "GET",
        Path = "/todos/1",
        Decision = "allow",
        Status = 200,
    };

    private sealed class ThrowingSink : IDecisionRecordSink
    {
        public void Write(DecisionRecord record) => throw new InvalidOperationException("sink down");
    }
}
