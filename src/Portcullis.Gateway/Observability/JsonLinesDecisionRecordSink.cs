using System.Buffers;
using System.Text.Json;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Observability;

/// <summary>Writes each decision record as one JSON line (snake_case, as <see cref="LoggerDecisionRecordSink"/>) to a
/// stream, standard output by default. The request thread only queues the record (a lock-free queue); one writer
/// thread of its own wakes when records are waiting, sleeps <see cref="BatchDelay"/> so that records arriving together
/// go out together, serializes them (<see cref="DecisionRecordJson"/>) straight into its batch buffer, writes them in
/// as few writes as fit <see cref="BatchBytes"/> and flushes. While records keep arriving the writer never waits to be
/// woken: under load it costs one sleep and one write per batch, and no request ever serializes, copies, wakes a thread
/// or takes a lock. Records are immutable once written, so serializing them later shows what the request saw.</summary>
/// <remarks>The queue holds up to <see cref="Capacity"/> records. When the stream cannot keep up and the queue is full,
/// further records are dropped rather than slowing every request: each drop is counted (<c>portcullis_decision_records_dropped</c>)
/// and logged as a warning at most once a minute. When the stream fails (a closed pipe), that is logged once and later
/// records are dropped the same way. A record that cannot be serialized (a timing that is not a number) is skipped and
/// counted as dropped.</remarks>
internal sealed class JsonLinesDecisionRecordSink : IDecisionRecordSink, IAsyncDisposable, IDisposable
{
    /// <summary>How many records may wait for the writer.</summary>
    public const int Capacity = 65_536;

    /// <summary>How long the writer waits, once woken, for more records to join the batch.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>The most bytes written to the stream at once.</summary>
    public const int BatchBytes = 64 * 1024;

    private readonly ConcurrentQueue<DecisionRecord> queue = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stream output;
    private readonly bool ownsOutput;
    private readonly GatewayMetrics? metrics;
    private readonly ILogger? logger;
    private int queued;
    private int waiting;
    private int disposed;
    private volatile bool completing;
    private volatile bool failed;
    private long lastDropWarningTicks = long.MinValue;

    /// <summary>Creates the sink on <paramref name="output"/> (standard output when null).</summary>
    public JsonLinesDecisionRecordSink(Stream? output = null, GatewayMetrics? metrics = null, ILogger<JsonLinesDecisionRecordSink>? logger = null)
    {
        ownsOutput = output is null;
        this.output = output ?? Console.OpenStandardOutput();
        this.metrics = metrics;
        this.logger = logger;
        new Thread(WriteLoop) { IsBackground = true, Name = "Portcullis decision records" }.Start();
    }

    /// <inheritdoc/>
    public void Write(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (failed)
        {
            // The output is gone (logged once when it failed): count what is lost, say nothing more.
            metrics?.RecordDropped();
            return;
        }
        if (Interlocked.Increment(ref queued) > Capacity)
        {
            Interlocked.Decrement(ref queued);
            Dropped();
            return;
        }
        queue.Enqueue(record);
        // Only a writer that went to sleep on an empty queue needs waking, and only one request wakes it.
        if (Volatile.Read(ref waiting) == 1 && Interlocked.Exchange(ref waiting, 0) == 1) wake.Release();
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        completing = true;
        wake.Release();
        await finished.Task.ConfigureAwait(false);
        if (ownsOutput) await output.DisposeAsync().ConfigureAwait(false);
        wake.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Dropped()
    {
        metrics?.RecordDropped();
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastDropWarningTicks);
        if (logger is not null && (last == long.MinValue || now - last >= 60_000) && Interlocked.CompareExchange(ref lastDropWarningTicks, now, last) == last)
            ObservabilityLog.RecordsDropped(logger, Capacity);
    }

    private void WriteLoop()
    {
        var batch = new byte[BatchBytes];
        var line = new ArrayBufferWriter<byte>(1024);
        using var json = new Utf8JsonWriter(line);
        try
        {
            while (true)
            {
                if (queue.IsEmpty)
                {
                    if (completing) break;
                    Volatile.Write(ref waiting, 1);
                    // A record queued between the check and the flag would not wake us: look again before sleeping.
                    if (queue.IsEmpty && !completing) wake.Wait();
                    Interlocked.Exchange(ref waiting, 0);
                    continue;
                }
                if (!completing) Thread.Sleep(BatchDelay);
                WriteQueued(batch, line, json);
            }
        }
        catch (IOException e)
        {
            // The reader of our output went away (a closed pipe): records can no longer be delivered; say so once.
            failed = true;
            if (logger is not null) ObservabilityLog.RecordOutputFailed(logger, e);
            queue.Clear();
        }
        catch (ObjectDisposedException)
        {
            // The output was closed under us at shutdown: nothing more can be written.
            failed = true;
        }
        finally
        {
            finished.TrySetResult();
        }
    }

    private void WriteQueued(byte[] batch, ArrayBufferWriter<byte> line, Utf8JsonWriter json)
    {
        var length = 0;
        while (queue.TryDequeue(out var record))
        {
            Interlocked.Decrement(ref queued);
            line.ResetWrittenCount();
            json.Reset(line);
            try
            {
                DecisionRecordJson.Write(json, record);
                json.Flush();
            }
            catch (ArgumentException)
            {
                // A timing that is not a number cannot be written as JSON: skip this record, keep the others.
                metrics?.RecordDropped();
                continue;
            }
            var text = line.WrittenSpan;
            if (length + text.Length + 1 > batch.Length && length > 0)
            {
                output.Write(batch, 0, length);
                length = 0;
            }
            if (text.Length + 1 > batch.Length)
            {
                output.Write(text);
                output.Write("\n"u8);
                continue;
            }
            text.CopyTo(batch.AsSpan(length));
            length += text.Length;
            batch[length++] = (byte)'\n';
        }
        if (length > 0) output.Write(batch, 0, length);
        output.Flush();
    }
}
