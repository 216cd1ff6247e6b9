using Microsoft.Extensions.Primitives;

namespace Portcullis.Gateway.Observability;

/// <summary>The request id: the client's <c>X-Request-ID</c> when it is safe to log and forward, a new one otherwise.</summary>
internal static class GatewayRequestId
{
    /// <summary>The request id header, read from the client, forwarded upstream and echoed on the response.</summary>
    public const string Header = "X-Request-ID";

    private const int MaxLength = 128;

    /// <summary>Returns the single incoming id when it is 1 to 128 characters of letters, digits, <c>-</c>, <c>_</c>,
    /// <c>.</c> or <c>:</c>; otherwise a new random id (32 hex digits).</summary>
    public static string FromHeader(StringValues values) => Valid(values) ?? Guid.NewGuid().ToString("N");

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
