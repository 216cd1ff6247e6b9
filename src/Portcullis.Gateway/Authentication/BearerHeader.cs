using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace Portcullis.Gateway.Authentication;

/// <summary>Takes the bearer token out of the <c>Authorization</c> header values (RFC 6750 section 2.1), and from nowhere else.</summary>
internal static class BearerHeader
{
    /// <summary>The largest accepted <c>Authorization</c> header value, in characters.</summary>
    internal const int MaxLength = 8 * 1024;

    private const string Scheme = "Bearer";

    // A token is checked on every request: a vectorized search rather than a loop over its characters.
    private static readonly SearchValues<char> Token68Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/");

    /// <summary>Extracts the token (a slice of the header value, so a cached token costs no copy), or says why there is none.</summary>
    public static bool TryExtract(StringValues values, out ReadOnlyMemory<char> token, out AuthenticationResult? failure)
    {
        token = ReadOnlyMemory<char>.Empty;
        failure = null;
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrWhiteSpace(values[0])))
        {
            failure = AuthenticationResult.Fail(AuthenticationFailureKind.Missing, "no bearer token was presented");
            return false;
        }

        if (values.Count > 1)
        {
            failure = AuthenticationResult.Fail(AuthenticationFailureKind.Malformed, "more than one Authorization header");
            return false;
        }

        var value = values[0]!;
        if (value.Length > MaxLength)
        {
            failure = AuthenticationResult.Fail(AuthenticationFailureKind.Malformed, "the Authorization header is too large");
            return false;
        }

        var text = value.AsMemory().Trim(' ');
        var space = text.Span.IndexOf(' ');
        var scheme = space < 0 ? text.Span : text.Span[..space];
        if (!scheme.Equals(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6750 3.1: an unsupported scheme is "no authentication information", answered without an error code.
            failure = AuthenticationResult.Fail(AuthenticationFailureKind.Missing, "no bearer token was presented");
            return false;
        }

        var candidate = space < 0 ? ReadOnlyMemory<char>.Empty : text[(space + 1)..].TrimStart(' ');
        if (candidate.IsEmpty || !IsToken68(candidate.Span))
        {
            failure = AuthenticationResult.Fail(AuthenticationFailureKind.Malformed, "the bearer token is empty or not well formed");
            return false;
        }

        token = candidate;
        return true;
    }

    private static bool IsToken68(ReadOnlySpan<char> value)
    {
        // b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
        var end = value.Length;
        while (end > 0 && value[end - 1] == '=')
            end--;
        return end > 0 && !value[..end].ContainsAnyExcept(Token68Chars);
    }
}
