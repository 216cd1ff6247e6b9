namespace Portcullis.TestSupport;

/// <summary>The <c>portcullis serve</c> command (the host assembly built next to the calling tests) running a gateway
/// configuration file on an OS-chosen loopback port. Dispose kills it by process id.</summary>
public sealed class PortcullisGatewayProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private PortcullisGatewayProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the gateway's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the last lines the gateway wrote.</summary>
    public string Output => _process.Output;

    /// <summary>Runs <c>dotnet portcullis.dll serve --config FILE --urls http://127.0.0.1:0</c> and waits until it
    /// listens; throws with the command and the gateway's output when it exits first (for example on a configuration
    /// problem) or does not listen within 20 s.</summary>
    public static async Task<PortcullisGatewayProcess> StartAsync(string configFile, CancellationToken cancellationToken = default)
    {
        var (process, baseAddress) = await PortcullisServerProcess.StartAsync(["serve", "--config", configFile], cancellationToken).ConfigureAwait(false);
        return new PortcullisGatewayProcess(process, baseAddress);
    }

    /// <summary>Kills the gateway by process id.</summary>
    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
