namespace Portcullis.TestSupport;

/// <summary>Starts a long-running <c>portcullis</c> command (<c>pdp</c>, <c>serve</c>) on an OS-chosen loopback port
/// and waits for ASP.NET Core's "Now listening on:" line.</summary>
internal static class PortcullisServerProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs <c>dotnet portcullis.dll ARGS --urls http://127.0.0.1:0</c> and returns the process and its base
    /// address; throws with the command and the process output when it exits first or does not listen within 20 s.</summary>
    public static async Task<(ChildProcess Process, Uri BaseAddress)> StartAsync(IEnumerable<string> commandArgs, CancellationToken cancellationToken)
    {
        var dll = PortcullisCli.Dll;
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: the host project was not built.");
        List<string> args = [dll, .. commandArgs, "--urls", "http://127.0.0.1:0"];
        var name = $"portcullis {args[1]} ({PortcullisCli.Dotnet} {string.Join(' ', args)})";

        var (process, ready) = await ServerStartup.StartAsync(
            name, PortcullisCli.Dotnet, args, AppContext.BaseDirectory, ServerStartup.AspNetCoreListeningLine(), timeout: StartTimeout,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return (process, new Uri(ready.Groups["url"].Value.TrimEnd('/') + "/"));
    }
}
