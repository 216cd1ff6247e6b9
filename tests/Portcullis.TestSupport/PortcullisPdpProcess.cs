using System.Text.RegularExpressions;

namespace Portcullis.TestSupport;

/// <summary>The <c>portcullis pdp</c> command (the host assembly built next to the calling tests) serving a policy
/// folder, and optionally a directory folder, on an OS-chosen loopback port, with its AuthZEN endpoints at
/// <see cref="BaseAddress"/>. Dispose kills it by process id.</summary>
public sealed partial class PortcullisPdpProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly ChildProcess _process;

    private PortcullisPdpProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the HTTP base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the last lines the PDP wrote.</summary>
    public string Output => _process.Output;

    /// <summary>Runs <c>dotnet portcullis.dll pdp --policies DIR [--directory DIR] --urls http://127.0.0.1:0</c> and
    /// waits for ASP.NET Core's "Now listening on:" line; throws with the command and the process output when the PDP
    /// exits first or the line does not appear within 20 s.</summary>
    public static async Task<PortcullisPdpProcess> StartAsync(string policyDir, string? directoryDir = null, CancellationToken cancellationToken = default)
    {
        var dll = PortcullisCli.Dll;
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: the host project was not built.");
        List<string> args = [dll, "pdp", "--policies", policyDir];
        if (directoryDir is not null) args.AddRange(["--directory", directoryDir]);
        args.AddRange(["--urls", "http://127.0.0.1:0"]);
        var command = $"{PortcullisCli.Dotnet} {string.Join(' ', args)}";

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
                    throw new InvalidOperationException($"portcullis pdp exited during start-up.\ncommand: {command}\noutput:\n{process.Output}");
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException(
                        $"portcullis pdp did not print \"Now listening on: http://127.0.0.1:PORT\" within {StartTimeout.TotalSeconds} s.\n" +
                        $"command: {command}\noutput:\n{process.Output}");
                }
                await Task.WhenAny(listening.Task, Task.Delay(100, cancellationToken)).ConfigureAwait(false);
            }
            return new PortcullisPdpProcess(process, await listening.Task.ConfigureAwait(false));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the PDP by process id.</summary>
    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+/?)")]
    private static partial Regex ListeningLine();
}
