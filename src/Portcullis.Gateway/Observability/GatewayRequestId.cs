using Microsoft.Extensions.Primitives;

namespace Portcullis.Gateway.Observability;

/// <summary>The request id: the client's <c>X-Request-ID</c> when it is safe to log and forward, a new one otherwise.</summary>
internal static class GatewayRequestId
{
    /// <summary>The request id header, read from the client, forwarded upstream and echoed on the response.</summary>
    public const string Header = "X-Request-ID";

    private const int MaxLength = 128;

    /// <summary>Returns the single incoming id when it is 1 to 128 characters of letters, digits, <c>-</c>, <c>_</c>,
    /// <c>.</c> or <c>:</c>; otherwise a new random id (<see cref="New"/>).</summary>
    public static string FromHeader(StringValues values) => Valid(values) ?? New();

    /// <summary>Returns a new id: 128 random bits as 32 lowercase hex digits.</summary>
    /// <remarks>An id names a request in logs; it is no secret and grants nothing, so it comes from the fast
    /// per-thread generator (<see cref="Random.Shared"/>, seeded from the operating system) rather than from
    /// <see cref="Guid.NewGuid"/>, which costs a system call per request on Linux. At 128 bits, two ids
    /// colliding is as unlikely as two GUIDs doing so.</remarks>
    public static string New()
    {
        Span<byte> bits = stackalloc byte[16];
        Random.Shared.NextBytes(bits);
        return Convert.ToHexStringLower(bits);
    }

    private static string? Valid(StringValues values)
    {
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxLength } id) return null;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':')) return null;
        }
        return id;
    }
}
