namespace Portcullis.TestSupport.Mcp;

/// <summary>The Expense Management MCP server of <c>samples/mcp/ExpenseServer</c> (C# SDK, Streamable HTTP) on an
/// OS-chosen loopback port, its MCP endpoint at <see cref="Endpoint"/>. The calling test project must reference
/// <c>ExpenseServer.csproj</c>, so that <c>ExpenseServer.dll</c> is built next to it. Dispose kills it by process id.</summary>
public sealed class ExpenseServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ExpenseServerProcess(ChildProcess process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>Gets the path of the server assembly in the test output folder.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "ExpenseServer.dll");

    /// <summary>Gets the MCP endpoint, e.g. <c>http://127.0.0.1:41234/mcp</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the last lines the server wrote.</summary>
    public string Output => _process.Output;

    /// <summary>Runs <c>dotnet ExpenseServer.dll --urls http://127.0.0.1:0</c> (with <c>--Mcp:Stateless true</c> when
    /// <paramref name="stateless"/>) and waits for ASP.NET Core's "Now listening on:" line; throws with the output when
    /// it exits first or does not listen within 30 s.</summary>
    public static async Task<ExpenseServerProcess> StartAsync(bool stateless = false, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Dll)) throw new InvalidOperationException($"{Dll} is missing: reference ExpenseServer.csproj from the test project.");
        List<string> args = [Dll, "--urls", "http://127.0.0.1:0"];
        if (stateless) args.AddRange(["--Mcp:Stateless", "true"]);
        var (process, ready) = await ServerStartup.StartAsync(
            "ExpenseServer",
            PortcullisCli.Dotnet,
            args,
            AppContext.BaseDirectory,
            ServerStartup.AspNetCoreListeningLine(),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ExpenseServerProcess(process, new Uri(ready.Groups["url"].Value.TrimEnd('/') + "/mcp"));
    }

    /// <summary>Kills the server by process id.</summary>
    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
