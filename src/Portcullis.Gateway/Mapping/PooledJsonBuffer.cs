using System.Buffers;
using System.Text.Json;

namespace Portcullis.Gateway.Mapping;

/// <summary>A JSON writer and its buffer, reused by the thread that rents them: the mapping and the canonical cache key
/// write a little JSON on every request and need neither allocated anew.</summary>
/// <remarks>Rent, write, read <see cref="WrittenSpan"/>, then dispose (which returns it). A nested rent on the same
/// thread gets a fresh pair, so the reuse is safe whatever the writing code calls. A buffer that grew past
/// <see cref="MaxKeptBytes"/> is not kept.</remarks>
internal sealed class PooledJsonBuffer : IDisposable
{
    /// <summary>The largest buffer kept for reuse, in bytes.</summary>
    public const int MaxKeptBytes = 16 * 1024;

    [ThreadStatic]
    private static PooledJsonBuffer? cached;

    private readonly ArrayBufferWriter<byte> buffer = new(512);

    private PooledJsonBuffer() => Writer = new Utf8JsonWriter(buffer);

    /// <summary>Gets the writer; it writes into this buffer.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Gets what was written (flushes the writer first).</summary>
    public ReadOnlySpan<byte> WrittenSpan
    {
        get
        {
            Writer.Flush();
            return buffer.WrittenSpan;
        }
    }

    /// <summary>Returns an empty buffer and writer for the calling thread.</summary>
    public static PooledJsonBuffer Rent()
    {
        var pooled = cached;
        if (pooled is null) return new PooledJsonBuffer();
        cached = null;
        return pooled;
    }

    /// <summary>Clears the buffer and hands it back to the thread's slot.</summary>
    public void Dispose()
    {
        if (buffer.Capacity > MaxKeptBytes) return;
        buffer.ResetWrittenCount();
        Writer.Reset(buffer);
        cached = this;
    }
}
