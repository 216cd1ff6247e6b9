using System.Text.RegularExpressions;

namespace Portcullis.TestSupport;

/// <summary>Starts a long-running <c>portcullis</c> command (<c>pdp</c>, <c>serve</c>) on an OS-chosen loopback port
/// and waits for ASP.NET Core's "Now listening on:" line.</summary>
internal static partial class PortcullisServerProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs <c>dotnet portcullis.dll ARGS --urls http://127.0.0.1:0</c> and returns the process and its base
    /// address; throws with the command and the process output when it exits first or does not listen within 20 s.</summary>
    public static async Task<(ChildProcess Process, Uri BaseAddress)> StartAsync(IEnumerable<string> commandArgs, CancellationToken cancellationToken)
    {
        var dll = PortcullisCli.Dll;
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: the host project was not built.");
        List<string> args = [dll, .. commandArgs, "--urls", "http://127.0.0.1:0"];
        var command = $"{PortcullisCli.Dotnet} {string.Join(' ', args)}";
        var name = $"portcullis {args[1]}";

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = ChildProcess.Start(
            PortcullisCli.Dotnet,
            args,
            AppContext.BaseDirectory,
            line =>
            {
                var match = ListeningLine().Match(line);
                if (match.Success) listening.TrySetResult(new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
            });
        try
        {
            var deadline = DateTime.UtcNow + StartTimeout;
            while (!listening.Task.IsCompleted)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited during start-up.\ncommand: {command}\noutput:\n{process.Output}");
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException(
                        $"{name} did not print \"Now listening on: http://127.0.0.1:PORT\" within {StartTimeout.TotalSeconds} s.\n" +
                        $"command: {command}\noutput:\n{process.Output}");
                }
                await Task.WhenAny(listening.Task, Task.Delay(100, cancellationToken)).ConfigureAwait(false);
            }
            return (process, await listening.Task.ConfigureAwait(false));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+/?)")]
    private static partial Regex ListeningLine();
}
