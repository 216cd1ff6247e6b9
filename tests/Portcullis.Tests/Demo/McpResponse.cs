using System.Text.Json;

namespace Portcullis.Tests.Demo;

/// <summary>The one JSON-RPC response in an MCP POST's answer, which is either <c>application/json</c> or an event
/// stream whose <c>message</c> event carries it in its <c>data</c> lines.</summary>
internal static class McpResponse
{
    /// <summary>Parses the response out of <paramref name="body"/>.</summary>
    public static JsonDocument Parse(string body)
    {
        if (body.TrimStart().StartsWith('{')) return JsonDocument.Parse(body);
        var data = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => l.StartsWith("data:", StringComparison.Ordinal))
            .Select(l => l[5..].TrimStart())
            .ToList();
        Assert.True(data.Count > 0, $"no JSON-RPC response in:\n{body}");
        return JsonDocument.Parse(string.Join('\n', data));
    }

    /// <summary>Returns the tool names of a <c>tools/list</c> result, in order.</summary>
    public static List<string> ToolNames(JsonDocument response) =>
        [.. Result(response).GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];

    /// <summary>Returns the <c>result</c>, failing with the response when it is an error.</summary>
    public static JsonElement Result(JsonDocument response)
    {
        Assert.True(response.RootElement.TryGetProperty("result", out var result), $"not a result: {response.RootElement}");
        return result;
    }

    /// <summary>Returns the first text content of a <c>tools/call</c> result, parsed as JSON (the expense tools answer JSON text).</summary>
    public static JsonDocument ToolJson(JsonDocument response)
    {
        var result = Result(response);
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), $"tool error: {result}");
        return JsonDocument.Parse(result.GetProperty("content")[0].GetProperty("text").GetString()!);
    }

    /// <summary>Returns the JSON-RPC error code, failing with the response when it is a result.</summary>
    public static int ErrorCode(JsonDocument response)
    {
        Assert.True(response.RootElement.TryGetProperty("error", out var error), $"not an error: {response.RootElement}");
        return error.GetProperty("code").GetInt32();
    }
}
