using System.Text.RegularExpressions;
using Portcullis.Gateway.Demo;

namespace Portcullis.Tests.Demo;

/// <summary><c>portcullis demo --urls http://127.0.0.1:0</c> as a real process, started and read up to the end of its
/// banner. Dispose kills it by process id if it still runs.</summary>
internal sealed partial class DemoProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private DemoProcess(ChildProcess process, IReadOnlyList<string> banner)
    {
        Process = process;
        Banner = banner;
        CurlCommands = [.. banner.Where(l => l.StartsWith("curl ", StringComparison.Ordinal))];
        McpCommands = [.. CurlCommands.Where(c => c.Contains("/mcp ", StringComparison.Ordinal))];
        var config = banner.Select(l => ConfigLine().Match(l)).First(m => m.Success);
        Gateway = new Uri(config.Groups["gateway"].Value);
        ConfigFile = config.Groups["config"].Value;
    }

    public ChildProcess Process { get; }

    /// <summary>Gets the banner's lines, as printed.</summary>
    public IReadOnlyList<string> Banner { get; }

    /// <summary>Gets the banner's curl commands, in order.</summary>
    public IReadOnlyList<string> CurlCommands { get; }

    /// <summary>Gets the banner's curl commands that POST to the gateway's MCP route, in order.</summary>
    public IReadOnlyList<string> McpCommands { get; }

    /// <summary>Gets the MCP route's address (its resource identifier), as the MCP commands use it.</summary>
    public Uri McpEndpoint => new(Gateway, "/mcp");

    /// <summary>Gets the gateway's address as the banner states it.</summary>
    public Uri Gateway { get; }

    /// <summary>Gets the configuration file the banner names (in the demo's temporary folder).</summary>
    public string ConfigFile { get; }

    public static async Task<DemoProcess> StartAsync()
    {
        var lines = new List<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = ChildProcess.Start(PortcullisCli.Dotnet, [PortcullisCli.Dll, "demo", "--urls", "http://127.0.0.1:0"], AppContext.BaseDirectory, line =>
        {
            lock (lines)
            {
                if (done.Task.IsCompleted) return;
                lines.Add(line);
                if (line.EndsWith(DemoBanner.LastLine, StringComparison.Ordinal)) done.TrySetResult();
            }
        });
        try
        {
            var deadline = DateTime.UtcNow + StartTimeout;
            while (!done.Task.IsCompleted)
            {
                if (process.HasExited) throw new InvalidOperationException($"portcullis demo exited during start-up:\n{process.Output}");
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"portcullis demo printed no banner within {StartTimeout.TotalSeconds} s:\n{process.Output}");
                await Task.WhenAny(done.Task, Task.Delay(100));
            }
            lock (lines) return new DemoProcess(process, [.. lines]);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void Dispose() => Process.Dispose();

    [GeneratedRegex(@"^\s+gateway\s+(?<gateway>http://\S+)\s+config (?<config>\S+)")]
    private static partial Regex ConfigLine();
}
