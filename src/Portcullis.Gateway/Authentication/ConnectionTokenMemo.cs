using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Portcullis.Gateway.Authentication;

/// <summary>Remembers, for one HTTP/1.x connection, the <see cref="TokenDigest"/> of the last <c>Authorization</c>
/// header value, so a client that sends the same token on every request of a keep-alive connection pays for its
/// SHA-256 once per connection rather than once per request.</summary>
/// <remarks>
/// <para>Kestrel hands out the same string instance for a header value that did not change from the previous request
/// on the connection; the memo is only used when the header is that very instance (reference equality), which proves
/// the token is the same. Any other value, even an equal one, is hashed again. The digest still goes through the
/// validated-token cache, so expiry and key rotation apply exactly as without the memo.</para>
/// <para>The memo lives in the connection's items and dies with the connection; it holds the header string Kestrel
/// already keeps for that comparison. Each remembered pair is immutable, so a racing reader sees either pair whole.</para>
/// </remarks>
internal sealed class ConnectionTokenMemo
{
    private static readonly object ItemKey = new();

    private Entry? last;

    /// <summary>Returns the memo of <paramref name="context"/>'s connection, created on first use; null on HTTP/2 and
    /// HTTP/3 (whose requests run side by side on one connection) or when the server keeps no connection items.</summary>
    public static ConnectionTokenMemo? For(HttpContext context)
    {
        if (!HttpProtocol.IsHttp11(context.Request.Protocol) && !HttpProtocol.IsHttp10(context.Request.Protocol)) return null;
        if (context.Features.Get<IConnectionItemsFeature>()?.Items is not { } items) return null;
        if (items.TryGetValue(ItemKey, out var existing)) return existing as ConnectionTokenMemo;
        var memo = new ConnectionTokenMemo();
        items[ItemKey] = memo;
        return memo;
    }

    /// <summary>Returns the digest of <paramref name="token"/>, a slice of <paramref name="header"/>.</summary>
    public TokenDigest DigestOf(string header, ReadOnlySpan<char> token)
    {
        var seen = Volatile.Read(ref last);
        if (seen is not null && ReferenceEquals(seen.Header, header)) return seen.Digest;
        var digest = TokenDigest.Of(token);
        Volatile.Write(ref last, new Entry(header, digest));
        return digest;
    }

    private sealed record Entry(string Header, TokenDigest Digest);
}
