using System.Collections.Concurrent;

namespace Portcullis.Gateway.Authentication;

/// <summary>Remembers successful validations by token digest, so a repeated token does not pay for signature checks again.</summary>
/// <remarks>
/// Bounded in size; an entry lives until the token's <c>exp</c> and only while the key that verified it is still held.
/// When full, expired entries are purged (at most once a second) and new tokens go uncached until there is room.
/// </remarks>
internal sealed class ValidatedTokenCache(int capacity, TimeProvider time)
{
    private readonly ConcurrentDictionary<TokenDigest, Entry> entries = new();
    private int count;
    private long lastPurgeTicks;

    /// <summary>Gets the number of cached validations.</summary>
    public int Count => Volatile.Read(ref count);

    public AuthenticationResult? TryGet(TokenDigest digest)
    {
        if (!entries.TryGetValue(digest, out var entry))
            return null;
        var now = time.GetUtcNow();
        if (now < entry.ExpiresAt && entry.Source.HoldsKey(entry.KeyId, now))
            return entry.Result;
        if (entries.TryRemove(new KeyValuePair<TokenDigest, Entry>(digest, entry)))
            Interlocked.Decrement(ref count);
        return null;
    }

    public void Add(TokenDigest digest, AuthenticationResult result, IssuerKeySource source, string keyId, DateTimeOffset expiresAt)
    {
        if (Volatile.Read(ref count) >= capacity && !TryPurge())
            return;
        if (entries.TryAdd(digest, new Entry(result, source, keyId, expiresAt)))
            Interlocked.Increment(ref count);
    }

    private bool TryPurge()
    {
        var now = time.GetUtcNow();
        var last = Interlocked.Read(ref lastPurgeTicks);
        if (now.UtcTicks - last < TimeSpan.TicksPerSecond || Interlocked.CompareExchange(ref lastPurgeTicks, now.UtcTicks, last) != last)
            return false;
        foreach (var pair in entries)
        {
            if (now >= pair.Value.ExpiresAt && entries.TryRemove(pair))
                Interlocked.Decrement(ref count);
        }

        return Volatile.Read(ref count) < capacity;
    }

    private sealed record Entry(AuthenticationResult Result, IssuerKeySource Source, string KeyId, DateTimeOffset ExpiresAt);
}
