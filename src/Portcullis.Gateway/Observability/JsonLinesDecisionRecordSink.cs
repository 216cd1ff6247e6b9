using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Observability;

/// <summary>Writes each decision record as one JSON line (snake_case, as <see cref="LoggerDecisionRecordSink"/>) to a
/// stream, standard output by default. The request thread only serializes the record and queues the bytes; one
/// background writer wakes when records are waiting, lingers <see cref="BatchDelay"/> so that records arriving
/// together go out together, writes them in as few writes as fit <see cref="BatchBytes"/> and flushes. Records reach
/// the stream within moments, the request never waits for I/O, and under load the writer costs one wake-up and one
/// write per batch rather than per record. Each line travels in a buffer rented from <see cref="ArrayPool{T}.Shared"/>
/// and returned once copied, so a record costs no array of its own.</summary>
/// <remarks>The queue holds up to <see cref="Capacity"/> records. When the stream cannot keep up and the queue is full,
/// further records are dropped rather than slowing every request: each drop is counted (<c>portcullis_decision_records_dropped</c>)
/// and logged as a warning at most once a minute.</remarks>
internal sealed class JsonLinesDecisionRecordSink : IDecisionRecordSink, IAsyncDisposable, IDisposable
{
    /// <summary>How many records may wait for the writer.</summary>
    public const int Capacity = 65_536;

    /// <summary>How long the writer waits, once woken, for more records to join the batch.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>The most bytes written to the stream at once.</summary>
    public const int BatchBytes = 64 * 1024;

    private readonly Channel<Line> queue = Channel.CreateBounded<Line>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly Stream output;
    private readonly bool ownsOutput;
    private readonly GatewayMetrics? metrics;
    private readonly ILogger? logger;
    private readonly Task writer;
    private long lastDropWarningTicks = long.MinValue;

    /// <summary>Creates the sink on <paramref name="output"/> (standard output when null).</summary>
    public JsonLinesDecisionRecordSink(Stream? output = null, GatewayMetrics? metrics = null, ILogger<JsonLinesDecisionRecordSink>? logger = null)
    {
        ownsOutput = output is null;
        this.output = output ?? Console.OpenStandardOutput();
        this.metrics = metrics;
        this.logger = logger;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc/>
    public void Write(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Line line;
        using (var pooled = PooledJsonBuffer.Rent())
        {
            JsonSerializer.Serialize(pooled.Writer, record, DecisionRecordJsonContext.Default.DecisionRecord);
            var json = pooled.WrittenSpan;
            line = new Line(ArrayPool<byte>.Shared.Rent(json.Length + 1), json.Length + 1);
            json.CopyTo(line.Buffer);
            line.Buffer[json.Length] = (byte)'\n';
        }
        if (queue.Writer.TryWrite(line)) return;
        ArrayPool<byte>.Shared.Return(line.Buffer);
        metrics?.RecordDropped();
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastDropWarningTicks);
        if (logger is not null && now - last >= 60_000 && Interlocked.CompareExchange(ref lastDropWarningTicks, now, last) == last)
            ObservabilityLog.RecordsDropped(logger, Capacity);
    }

    /// <summary>Writes what is queued, then closes the queue.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        if (ownsOutput) await output.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        var reader = queue.Reader;
        var batch = new byte[BatchBytes];
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                await Task.Delay(BatchDelay).ConfigureAwait(false);
                var length = 0;
                while (reader.TryRead(out var line))
                {
                    if (length + line.Length > batch.Length && length > 0)
                    {
                        await output.WriteAsync(batch.AsMemory(0, length)).ConfigureAwait(false);
                        length = 0;
                    }
                    if (line.Length > batch.Length) await output.WriteAsync(line.Buffer.AsMemory(0, line.Length)).ConfigureAwait(false);
                    else
                    {
                        line.Buffer.AsSpan(0, line.Length).CopyTo(batch.AsSpan(length));
                        length += line.Length;
                    }
                    ArrayPool<byte>.Shared.Return(line.Buffer);
                }
                if (length > 0) await output.WriteAsync(batch.AsMemory(0, length)).ConfigureAwait(false);
                await output.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (IOException e)
        {
            // The reader of our output went away (a closed pipe): records can no longer be delivered; say so once.
            if (logger is not null) ObservabilityLog.RecordOutputFailed(logger, e);
        }
    }

    /// <summary>One serialized record and its newline, in a rented buffer.</summary>
    private readonly record struct Line(byte[] Buffer, int Length);
}
