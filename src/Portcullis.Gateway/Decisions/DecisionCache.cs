using System.Collections.Concurrent;

namespace Portcullis.Gateway.Decisions;

/// <summary>Remembers the PDP's allow and deny answers for a while, by PDP and canonical AuthZEN request. Errors are
/// never stored: an unavailable PDP is asked again on the next request.</summary>
/// <remarks>
/// <para>Lock-free on the hot path: a lookup is one <see cref="ConcurrentDictionary{TKey,TValue}"/> read and a clock
/// read. The bound is approximate (a count kept with interlocked operations): when an insert finds the cache full,
/// one thread drops the expired entries and, if that is not enough, about a tenth of the rest in the dictionary's own
/// (hash, so effectively random) order; inserts that arrive while it does so are not cached. The cache never holds
/// more than its bound plus the number of threads inserting at the same moment.</para>
/// <para>Freshness: an entry is used only while it is younger than the asking route's TTL, so two routes with
/// different TTLs can share it safely. It is not tied to the token's expiry: authentication runs before the cache on
/// every request, so an expired token never reaches it, and the key is the whole AuthZEN request (subject id and the
/// properties taken from the claims), so a decision is reused only for the identical question. Policy changes and
/// time-dependent policies are seen once the entry's TTL has passed, except for the embedded PDP: its entries carry the
/// policy snapshot they were decided on (<c>policyVersion</c>) and are not used once a reload has replaced it.</para>
/// <para>Measured against <c>Microsoft.Extensions.Caching.Memory</c> with a size limit in
/// <c>benchmarks/Portcullis.Benchmarks/DecisionCacheBenchmarks.cs</c>.</para>
/// </remarks>
internal sealed class DecisionCache
{
    private readonly ConcurrentDictionary<DecisionCacheKey, Entry> entries = new();
    private readonly TimeProvider time;
    private int count;
    private int evicting;

    /// <summary>Creates a cache holding about <paramref name="maxEntries"/> decisions (zero turns caching off).</summary>
    public DecisionCache(int maxEntries, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);
        ArgumentNullException.ThrowIfNull(time);
        MaxEntries = maxEntries;
        this.time = time;
    }

    /// <summary>Gets the bound on the number of entries.</summary>
    public int MaxEntries { get; }

    /// <summary>Gets the approximate number of entries.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Returns the decision for <paramref name="key"/> when one younger than <paramref name="ttl"/> is held and
    /// was decided on <paramref name="policyVersion"/> (compared by reference; null for PDPs without one).</summary>
    public bool TryGet(in DecisionCacheKey key, TimeSpan ttl, out bool allowed, object? policyVersion = null)
    {
        allowed = false;
        if (!entries.TryGetValue(key, out var entry)) return false;
        var now = time.GetTimestamp();
        if (now < entry.ExpiresAt && now - entry.DecidedAt < ToTimestampTicks(ttl) && ReferenceEquals(entry.PolicyVersion, policyVersion))
        {
            allowed = entry.Allowed;
            return true;
        }
        if (now >= entry.ExpiresAt && entries.TryRemove(new KeyValuePair<DecisionCacheKey, Entry>(key, entry))) Interlocked.Decrement(ref count);
        return false;
    }

    /// <summary>Stores the PDP's answer for <paramref name="ttl"/> (nothing when the TTL or the bound is zero), decided on
    /// <paramref name="policyVersion"/> (read before asking the PDP, so a reload during the call invalidates the entry).</summary>
    public void Set(in DecisionCacheKey key, bool allowed, TimeSpan ttl, object? policyVersion = null)
    {
        if (ttl <= TimeSpan.Zero || MaxEntries == 0) return;
        if (Volatile.Read(ref count) >= MaxEntries && !TryEvict()) return;
        var now = time.GetTimestamp();
        var entry = new Entry(allowed, now, now + ToTimestampTicks(ttl), policyVersion);
        if (entries.TryAdd(key, entry)) Interlocked.Increment(ref count);
        else entries[key] = entry;
    }

    private long ToTimestampTicks(TimeSpan span) => (long)(span.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);

    /// <summary>Makes room; returns false when another thread is already doing so or nothing could be freed.</summary>
    private bool TryEvict()
    {
        if (Interlocked.CompareExchange(ref evicting, 1, 0) != 0) return false;
        try
        {
            var now = time.GetTimestamp();
            foreach (var pair in entries)
            {
                if (now >= pair.Value.ExpiresAt) entries.TryRemove(pair);
            }
            var target = MaxEntries - Math.Max(1, MaxEntries / 10);
            if (entries.Count > target)
            {
                var excess = entries.Count - target;
                foreach (var pair in entries)
                {
                    if (excess-- <= 0) break;
                    entries.TryRemove(pair);
                }
            }
            // Resynchronise the approximate count (entries.Count is exact but takes every lock: only here).
            Volatile.Write(ref count, entries.Count);
            return Volatile.Read(ref count) < MaxEntries;
        }
        finally
        {
            Volatile.Write(ref evicting, 0);
        }
    }

    /// <summary>One answer: the decision, when it was made and when it expires (timestamps of the cache's clock), and the
    /// policy version it was decided on.</summary>
    private readonly record struct Entry(bool Allowed, long DecidedAt, long ExpiresAt, object? PolicyVersion);
}
