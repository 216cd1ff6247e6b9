using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Observability;

public sealed class JsonLinesDecisionRecordSinkTests
{
    [Fact]
    public async Task Write_ThreeRecords_ThreeJsonLinesInOrderOnTheStream()
    {
        using var stream = new MemoryStream();
        var sink = new JsonLinesDecisionRecordSink(stream);

        for (var i = 0; i < 3; i++) sink.Write(Record($"req-{i}"));
        await sink.DisposeAsync();

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["req-0", "req-1", "req-2"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("request_id").GetString()));
        Assert.All(lines, l => Assert.Equal("allow", JsonDocument.Parse(l).RootElement.GetProperty("decision").GetString()));
    }

    [Fact]
    public async Task Write_AfterTheWriterWentIdle_ReachesTheStreamWithoutDisposing()
    {
        var stream = new LineCountingStream();
        await using var sink = new JsonLinesDecisionRecordSink(stream);

        for (var round = 1; round <= 3; round++)
        {
            sink.Write(Record($"req-{round}"));
            // Each record arrives once the writer has gone back to sleep on an empty queue: it must be woken every time.
            await stream.WaitForLinesAsync(round);
            await Task.Delay(50);
        }

        Assert.Equal(3, stream.Lines);
    }

    [Fact]
    public async Task Write_FromManyThreadsAtOnce_EveryRecordIsWrittenOnceAsAWholeLine()
    {
        using var stream = new MemoryStream();
        var sink = new JsonLinesDecisionRecordSink(stream);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++) sink.Write(Record($"t{thread}-{i}"));
        })));
        await sink.DisposeAsync();

        var ids = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("request_id").GetString()).ToList();
        Assert.Equal(16_000, ids.Count);
        Assert.Equal(16_000, ids.Distinct().Count());
    }

    [Fact]
    public async Task Write_StreamBlocked_DropsBeyondCapacityAndCountsThemWithoutBlockingTheCaller()
    {
        using var gate = new ManualResetEventSlim(false);
        var stream = new BlockingStream(gate);
        using var services = MetricsHarness();
        var metrics = services.GetRequiredService<GatewayMetrics>();
        var sink = new JsonLinesDecisionRecordSink(stream, metrics);
        using var listener = DroppedCounter(out var dropped);

        for (var i = 0; i < JsonLinesDecisionRecordSink.Capacity + 1_000; i++) sink.Write(Record($"req-{i}"));

        // The writer may have taken one batch off the queue before its write blocked: at most 1,000 are lost.
        Assert.InRange(dropped(), 1, 1_000);
        gate.Set();
        await sink.DisposeAsync();
        Assert.Equal(JsonLinesDecisionRecordSink.Capacity + 1_000 - dropped(), stream.Lines);
    }

    [Fact]
    public async Task Write_RecordThatCannotBeJson_IsSkippedAndCountedTheOthersWritten()
    {
        using var stream = new MemoryStream();
        using var services = MetricsHarness();
        var sink = new JsonLinesDecisionRecordSink(stream, services.GetRequiredService<GatewayMetrics>());
        using var listener = DroppedCounter(out var dropped);

        sink.Write(Record("before"));
        sink.Write(Record("broken") with { TotalMs = double.NaN });
        sink.Write(Record("after"));
        await sink.DisposeAsync();

        var ids = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("request_id").GetString());
        Assert.Equal(["before", "after"], ids);
        Assert.Equal(1, dropped());
    }

    [Fact]
    public async Task Write_StreamFails_LogsOnceAndLaterRecordsAreDroppedQuietly()
    {
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var sink = new JsonLinesDecisionRecordSink(new FailingStream(), logger: loggers.CreateLogger<JsonLinesDecisionRecordSink>());

        sink.Write(Record("first"));
        await WaitUntilAsync(() => logs.Entries.Any(e => e.Level == LogLevel.Error || e.Level == LogLevel.Warning));
        for (var i = 0; i < 100; i++) sink.Write(Record($"later-{i}"));
        await sink.DisposeAsync();

        Assert.Single(logs.Entries, e => e.Category == typeof(JsonLinesDecisionRecordSink).FullName && e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("", DecisionRecordOutput.Stdout)]
    [InlineData("decision_records: {output: stdout}\n", DecisionRecordOutput.Stdout)]
    [InlineData("decision_records: {output: log}\n", DecisionRecordOutput.Log)]
    [InlineData("decision_records: {output: none}\n", DecisionRecordOutput.None)]
    public void Load_DecisionRecordsOutput_IsRead(string block, DecisionRecordOutput expected)
    {
        var loaded = GatewayConfigLoader.LoadYaml(block + "routes:\n  - {id: a, path: /a, upstream: 'http://127.0.0.1:1/', anonymous: true}\n", ".");

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        Assert.Equal(expected, loaded.Config!.DecisionRecords);
    }

    [Fact]
    public void Load_UnknownDecisionRecordsOutput_IsAProblemWithItsLine()
    {
        var loaded = GatewayConfigLoader.LoadYaml("routes:\n  - {id: a, path: /a, upstream: 'http://127.0.0.1:1/', anonymous: true}\ndecision_records:\n  output: syslog\n", ".");

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("decision_records.output", problem.Path);
        Assert.Equal(4, problem.Line);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the condition did not become true within 5 s");
    }

    private static ServiceProvider MetricsHarness()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton<GatewayMetrics>();
        return services.BuildServiceProvider();
    }

    /// <summary>Listens to <c>portcullis_decision_records_dropped</c>; <paramref name="dropped"/> reads the count so far.</summary>
    private static MeterListener DroppedCounter(out Func<long> dropped)
    {
        var count = new StrongBox<long>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "portcullis_decision_records_dropped") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count.Value, value));
        listener.Start();
        dropped = () => Interlocked.Read(ref count.Value);
        return listener;
    }

    private static DecisionRecord Record(string id) => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        RequestId = id,
        Method = "GET",
        Path = "/a",
        Decision = "allow",
        Status = 200,
    };

    /// <summary>Counts the newlines written; lets a test wait for a number of them.</summary>
    private sealed class LineCountingStream : WriteOnlyStream
    {
        private int lines;

        public int Lines => Volatile.Read(ref lines);

        public async Task WaitForLinesAsync(int count) => await WaitUntilAsync(() => Lines >= count);

        public override void Write(byte[] buffer, int offset, int count)
        {
            foreach (var b in buffer.AsSpan(offset, count)) if (b == (byte)'\n') Interlocked.Increment(ref lines);
        }
    }

    /// <summary>A stream whose writes wait until the gate opens (a reader that stopped reading), counting lines.</summary>
    private sealed class BlockingStream(ManualResetEventSlim gate) : WriteOnlyStream
    {
        private int lines;

        public int Lines => Volatile.Read(ref lines);

        public override void Write(byte[] buffer, int offset, int count)
        {
            gate.Wait();
            foreach (var b in buffer.AsSpan(offset, count)) if (b == (byte)'\n') Interlocked.Increment(ref lines);
        }
    }

    /// <summary>A stream whose every write fails as a closed pipe does.</summary>
    private sealed class FailingStream : WriteOnlyStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");
    }

    /// <summary>The part of a write-only test stream that every one of them shares.</summary>
    private abstract class WriteOnlyStream : Stream
    {
        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
