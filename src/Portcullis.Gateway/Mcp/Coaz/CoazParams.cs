using System.Text.Json;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>Reads and checks a JSON-RPC request's <c>params</c> for COAZ-MCP expressions, bounding its depth.</summary>
/// <remarks>Hostile params (10,000 nested arrays) must produce a mapping error, never a stack overflow: parsing relies
/// on System.Text.Json's <see cref="JsonReaderOptions.MaxDepth"/>, and an element parsed elsewhere is checked with a
/// walk that stops at <see cref="MaxDepth"/>.</remarks>
public static class CoazParams
{
    /// <summary>The deepest nesting of params accepted (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Gets an empty params object (a request without <c>params</c>).</summary>
    public static JsonElement Empty { get; } = Parse("{}"u8.ToArray(), out _) ?? throw new InvalidOperationException();

    /// <summary>Parses <paramref name="utf8Json"/>; null with <paramref name="error"/> when it is not JSON, too deep or
    /// not an object.</summary>
    public static JsonElement? Parse(ReadOnlyMemory<byte> utf8Json, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, ParseOptions);
            return Check(document.RootElement.Clone(), out error);
        }
        catch (JsonException e)
        {
            error = e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"params nest deeper than {MaxDepth} levels"
                : "params are not valid JSON";
            return null;
        }
    }

    /// <summary>Returns <paramref name="parameters"/> when it is an object no deeper than <see cref="MaxDepth"/>;
    /// null with <paramref name="error"/> otherwise.</summary>
    public static JsonElement? Check(JsonElement parameters, out string? error)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            error = "params must be an object";
            return null;
        }
        if (!WithinDepth(parameters, MaxDepth))
        {
            error = $"params nest deeper than {MaxDepth} levels";
            return null;
        }
        error = null;
        return parameters;
    }

    // Recursion is bounded by `remaining`, so it stops at MaxDepth whatever the input.
    private static bool WithinDepth(JsonElement element, int remaining)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (remaining == 0) return false;
                foreach (var property in element.EnumerateObject())
                {
                    if (!WithinDepth(property.Value, remaining - 1)) return false;
                }
                return true;
            case JsonValueKind.Array:
                if (remaining == 0) return false;
                foreach (var item in element.EnumerateArray())
                {
                    if (!WithinDepth(item, remaining - 1)) return false;
                }
                return true;
            default:
                return true;
        }
    }
}
