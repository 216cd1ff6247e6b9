namespace Portcullis.TestSupport;

/// <summary>The <c>portcullis pdp</c> command (the host assembly built next to the calling tests) serving a policy
/// folder, and optionally a directory folder, on an OS-chosen loopback port, with its AuthZEN endpoints at
/// <see cref="BaseAddress"/>. Dispose kills it by process id.</summary>
public sealed class PortcullisPdpProcess : IAsyncDisposable
{
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
        List<string> args = ["pdp", "--policies", policyDir];
        if (directoryDir is not null) args.AddRange(["--directory", directoryDir]);
        var (process, baseAddress) = await PortcullisServerProcess.StartAsync(args, cancellationToken).ConfigureAwait(false);
        return new PortcullisPdpProcess(process, baseAddress);
    }

    /// <summary>Kills the PDP by process id.</summary>
    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
