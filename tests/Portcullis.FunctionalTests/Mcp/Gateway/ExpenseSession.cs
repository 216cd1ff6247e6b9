using ModelContextProtocol;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>What one user sees of the Expense Management server through a gateway, as lines that compare across
/// PDPs: the tools/list it is shown, then each tool call's outcome (<c>allowed</c> when the server answered, tool
/// errors included, or the gateway's JSON-RPC error code).</summary>
public static class ExpenseSession
{
    /// <summary>The calls each session makes, read-only ones first; <c>approve_expense</c> last, on an expense that may
    /// already be approved (approving again is not an error).</summary>
    private static readonly (string Tool, Dictionary<string, object?> Arguments)[] Calls =
    [
        ("list_expenses", new Dictionary<string, object?>()),
        ("view_expense", new Dictionary<string, object?> { ["id"] = "exp-1001" }),
        ("approve_expense", new Dictionary<string, object?> { ["id"] = "exp-1003", ["comment"] = "ok" }),
    ];

    /// <summary>Connects to <paramref name="endpoint"/> with <paramref name="token"/> (C# SDK client), lists the tools
    /// and makes every call in one session; returns <c>tools/list: a, b</c> and one <c>name: outcome</c> line per call.</summary>
    public static async Task<string[]> Observe(Uri endpoint, string token)
    {
        await using var client = await CSharpMcpClient.ConnectAsync(endpoint, token);
        var lines = new List<string>
        {
            "tools/list: " + string.Join(", ", (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal)),
        };
        foreach (var (tool, arguments) in Calls)
        {
            try
            {
                await client.CallToolAsync(tool, arguments);
                lines.Add($"{tool}: allowed");
            }
            catch (McpProtocolException e)
            {
                lines.Add($"{tool}: {(int)e.ErrorCode}");
            }
        }

        return [.. lines];
    }
}
