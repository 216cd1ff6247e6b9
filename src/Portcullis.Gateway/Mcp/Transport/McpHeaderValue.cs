using System.Text;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>
/// Decodes a mirrored header value (2026-07-28 streamable-http "Value Encoding"): plain visible ASCII, space and tab,
/// or the case-sensitive sentinel <c>=?base64?{Base64 of UTF-8}?=</c>.
/// </summary>
internal static class McpHeaderValue
{
    private const string Prefix = "=?base64?";
    private const string Suffix = "?=";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="headerValue"/>.</summary>
    /// <returns>False when it holds a character outside 0x20–0x7E and tab, or a sentinel whose content is not
    /// Base64 of valid UTF-8.</returns>
    public static bool TryDecode(string headerValue, out string value)
    {
        ArgumentNullException.ThrowIfNull(headerValue);
        value = string.Empty;
        foreach (var c in headerValue)
        {
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                return false;
            }
        }

        if (headerValue.Length < Prefix.Length + Suffix.Length ||
            !headerValue.StartsWith(Prefix, StringComparison.Ordinal) ||
            !headerValue.EndsWith(Suffix, StringComparison.Ordinal))
        {
            value = headerValue;
            return true;
        }

        var encoded = headerValue.AsSpan(Prefix.Length, headerValue.Length - Prefix.Length - Suffix.Length);
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var written))
        {
            return false;
        }

        try
        {
            value = StrictUtf8.GetString(bytes, 0, written);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
