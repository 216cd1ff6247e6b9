using System.Globalization;
using System.Text.RegularExpressions;

namespace Portcullis.TestSupport.Mcp;

/// <summary>The MCP reference server <c>@modelcontextprotocol/server-everything</c> (pinned in <c>tools/</c>) over
/// Streamable HTTP, as <c>PORT=N npx mcp-server-everything streamableHttp</c> runs it, on the pinned Node 22. Its MCP
/// endpoint is <see cref="Endpoint"/>. Dispose kills it by process id.</summary>
/// <remarks>The server has no host setting: it listens on every interface, not only loopback, for as long as the test
/// runs. Tests address it at 127.0.0.1. It keeps sessions (<c>Mcp-Session-Id</c>), answers in SSE, and has tools such
/// as <c>echo</c> and <c>get-sum</c>, prompts and resources.</remarks>
public sealed partial class ServerEverythingProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ServerEverythingProcess(ChildProcess process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>Gets the MCP endpoint, e.g. <c>http://127.0.0.1:41234/mcp</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the last lines the server wrote.</summary>
    public string Output => _process.Output;

    /// <summary>Starts the server on a free port and waits for its "listening on port" line; throws with its output
    /// when it exits first (e.g. the port was taken in the meantime) or is not ready within 30 s.</summary>
    public static async Task<ServerEverythingProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var script = RepoPaths.NodeModule("@modelcontextprotocol/server-everything/dist/index.js");
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var (process, _) = await ServerStartup.StartAsync(
            "server-everything",
            RepoPaths.PinnedNode,
            [script, "streamableHttp"],
            RepoPaths.Tools,
            ListeningLine(),
            new Dictionary<string, string> { ["PORT"] = port },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ServerEverythingProcess(process, new Uri($"http://127.0.0.1:{port}/mcp"));
    }

    /// <summary>Kills the server by process id.</summary>
    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"listening on port \d+")]
    private static partial Regex ListeningLine();
}
