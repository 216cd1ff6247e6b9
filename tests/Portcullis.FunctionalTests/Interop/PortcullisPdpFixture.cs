namespace Portcullis.FunctionalTests.Interop;

/// <summary>Starts <c>portcullis pdp</c> on one interop scenario's policies and directory, on a free loopback port,
/// and stops it when the tests of the class are done.</summary>
/// <remarks>
/// Set <c>PORTCULLIS_INTEROP_URL_&lt;SCENARIO&gt;</c> (e.g. <c>PORTCULLIS_INTEROP_URL_TODO=http://127.0.0.1:8181</c>)
/// to run the cases against a PDP that is already running instead.
/// </remarks>
public abstract class PortcullisPdpFixture : IAsyncLifetime
{
    private PortcullisPdpProcess? process;
    private HttpClient? client;

    protected PortcullisPdpFixture(string scenario) => Scenario = scenario;

    /// <summary>Gets the scenario name (<c>todo</c>, <c>search</c>, <c>idp</c>).</summary>
    public string Scenario { get; }

    /// <summary>Gets a client whose base address is the running PDP.</summary>
    public HttpClient Client => client ?? throw new InvalidOperationException($"The {Scenario} PDP is not running.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable($"PORTCULLIS_INTEROP_URL_{Scenario.ToUpperInvariant()}");
        if (string.IsNullOrEmpty(external))
        {
            process = await PortcullisPdpProcess.StartAsync(InteropPaths.Policies(Scenario), InteropPaths.Directory(Scenario));
        }
        client = new HttpClient { BaseAddress = process?.BaseAddress ?? new Uri(external!), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (process is not null) await process.DisposeAsync();
    }
}
