using Microsoft.Extensions.Primitives;

namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>The parsed <c>MCP-Protocol-Version</c> header of a request.</summary>
/// <param name="Status">What the header said.</param>
/// <param name="Revision">The revision the request follows: the known one, or 2025-03-26 when the header is absent;
/// meaningless when <paramref name="Status"/> is Unsupported or Malformed.</param>
/// <param name="Text">The header value, or null when absent.</param>
internal readonly record struct McpProtocolVersion(McpProtocolVersionStatus Status, McpRevision Revision, string? Text)
{
    /// <summary>The request header's name (header names are case-insensitive).</summary>
    public const string HeaderName = "MCP-Protocol-Version";

    /// <summary>Gets a value indicating whether <see cref="Revision"/> can be relied on.</summary>
    public bool IsUsable => Status is McpProtocolVersionStatus.Absent or McpProtocolVersionStatus.Known;

    /// <summary>Parses the header's values (as from <c>HttpRequest.Headers</c>).</summary>
    public static McpProtocolVersion Parse(StringValues values)
    {
        if (values.Count == 0)
        {
            return new(McpProtocolVersionStatus.Absent, McpRevision.V2025_03_26, null);
        }

        var text = values.Count == 1 ? values[0] : null;
        if (text is null || !IsDate(text))
        {
            return new(McpProtocolVersionStatus.Malformed, McpRevision.V2025_03_26, values.ToString());
        }

        return text switch
        {
            "2025-03-26" => new(McpProtocolVersionStatus.Known, McpRevision.V2025_03_26, text),
            "2025-06-18" => new(McpProtocolVersionStatus.Known, McpRevision.V2025_06_18, text),
            "2025-11-25" => new(McpProtocolVersionStatus.Known, McpRevision.V2025_11_25, text),
            "2026-07-28" => new(McpProtocolVersionStatus.Known, McpRevision.V2026_07_28, text),
            _ => new(McpProtocolVersionStatus.Unsupported, McpRevision.V2025_03_26, text),
        };
    }

    private static bool IsDate(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-' &&
        char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3]) &&
        char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6]) && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);
}
