using System.Net;
using System.Text.Json.Nodes;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>What an MCP client got from the gateway: status, media type, headers and the JSON-RPC messages of the body
/// (one object, a batch array's elements, or the data of each event of an event stream).</summary>
internal sealed record McpReply(string RequestId, HttpStatusCode Status, string? MediaType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Gets whether the body was a JSON array (a batch answer).</summary>
    public bool IsArray => MediaType == "application/json" && JsonNode.Parse(Body) is JsonArray;

    /// <summary>Gets the body's JSON-RPC messages.</summary>
    public IReadOnlyList<JsonObject> Messages
    {
        get
        {
            if (MediaType == "text/event-stream")
            {
                return [.. Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                    .Select(e => string.Join("\n", e.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].TrimStart(' '))))
                    .Where(data => data.Length > 0)
                    .SelectMany(data => JsonNode.Parse(data) is JsonArray array ? array.Select(m => m!.AsObject()) : [JsonNode.Parse(data)!.AsObject()])];
            }
            return JsonNode.Parse(Body) is JsonArray batch ? [.. batch.Select(m => m!.AsObject())] : [JsonNode.Parse(Body)!.AsObject()];
        }
    }

    /// <summary>Gets the one message of the body.</summary>
    public JsonObject Single => Assert.Single(Messages);

    /// <summary>Returns the message answering <paramref name="idJson"/> (the id as JSON text).</summary>
    public JsonObject For(string idJson) => Assert.Single(Messages, m => IdOf(m) == idJson);

    /// <summary>Returns the id of <paramref name="message"/> as JSON text (<c>null</c> for a null id).</summary>
    public static string IdOf(JsonObject message)
    {
        Assert.True(message.ContainsKey("id"), "a JSON-RPC response must carry an id: " + message.ToJsonString());
        return message["id"]?.ToJsonString() ?? "null";
    }

    /// <summary>Reads <paramref name="response"/> whole.</summary>
    public static async Task<McpReply> ReadAsync(string requestId, HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = await response.Content.ReadAsStringAsync();
        return new McpReply(requestId, response.StatusCode, response.Content.Headers.ContentType?.MediaType, headers, body);
    }
}
