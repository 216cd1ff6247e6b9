using System.Globalization;
using System.Text;
using System.Text.Json;
using Portcullis.Gateway.Mcp.Discovery;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

/// <summary>List results as MCP servers send them, and readers of what the caller gets.</summary>
internal static class ListFilterTestData
{
    public static readonly DiscoveryCaller Alice = new("alice", null);
    public static readonly DiscoveryCaller Bob = new("bob", null);
    public static readonly DiscoveryCaller BobViaTrustedAgent = new("bob", "trusted-agent");

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement Tools(params string[] names) =>
        Parse("{\"tools\":[" + string.Join(",", names.Select(n => $"{{\"name\":\"{n}\",\"inputSchema\":{{\"type\":\"object\"}}}}")) + "]}");

    public static JsonElement ManyTools(int count) => Tools([.. Enumerable.Range(0, count).Select(i => (i % 2 == 0 ? "public_tool_" : "private_tool_") + i.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>Returns the keys of the entries in the filtered result's <paramref name="array"/>.</summary>
    public static List<string> Keys(ListFilterResult result, string array = "tools", string key = "name")
    {
        Assert.True(result.Succeeded, result.Problem);
        using var document = JsonDocument.Parse(result.FilteredResult);
        return [.. document.RootElement.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(key).GetString()!)];
    }

    public static JsonElement Output(ListFilterResult result)
    {
        Assert.True(result.Succeeded, result.Problem);
        return Parse(Encoding.UTF8.GetString(result.FilteredResult!));
    }
}
