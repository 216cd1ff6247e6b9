using System.Text.Json;

namespace Portcullis.TestSupport.Mcp;

/// <summary>The official TypeScript SDK client (<c>@modelcontextprotocol/sdk</c>, pinned in <c>tools/</c>), run as
/// <c>tools/mcp-client.mjs</c> on the pinned Node 22: one Streamable HTTP session that initializes, runs the steps
/// (going on after a failed one) and ends the session. A run that outlives its bound is killed by process id.</summary>
public static class TypeScriptMcpClient
{
    private const string StepPrefix = "{\"step\":";

    /// <summary>Gets the bound on one run.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(90);

    /// <summary>Connects to <paramref name="endpoint"/>, sending <c>Authorization: Bearer</c>
    /// <paramref name="bearerToken"/> when given (through the environment, never the command line), runs
    /// <paramref name="steps"/> and returns what the client printed.</summary>
    public static async Task<McpClientRun> RunAsync(
        Uri endpoint,
        string? bearerToken,
        IEnumerable<McpClientStep> steps,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(steps);
        RepoPaths.NodeModule("@modelcontextprotocol/sdk/package.json");
        List<string> args = [Path.Combine(RepoPaths.Tools, "mcp-client.mjs"), endpoint.AbsoluteUri, .. steps.SelectMany(s => s.Args)];
        var environment = new Dictionary<string, string>();
        if (bearerToken is not null) environment["MCP_BEARER_TOKEN"] = bearerToken;

        var lines = new List<string>();
        using var process = ChildProcess.Start(RepoPaths.PinnedNode, args, RepoPaths.Tools, line =>
        {
            if (line.StartsWith(StepPrefix, StringComparison.Ordinal)) lock (lines) lines.Add(line);
        }, environment);
        var exitCode = await process.WaitForExitAsync(Timeout, "mcp-client.mjs", cancellationToken).ConfigureAwait(false);
        List<JsonElement> parsed;
        lock (lines) parsed = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        return new McpClientRun(exitCode, parsed, process.Output);
    }
}
