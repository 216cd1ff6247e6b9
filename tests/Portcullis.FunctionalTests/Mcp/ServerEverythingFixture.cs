using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp;

/// <summary>One real <c>@modelcontextprotocol/server-everything</c> process (Streamable HTTP) for a test class.</summary>
public sealed class ServerEverythingFixture : IAsyncLifetime
{
    private ServerEverythingProcess? server;

    /// <summary>Gets the server.</summary>
    public ServerEverythingProcess Server => server ?? throw new InvalidOperationException("server-everything is not running.");

    /// <inheritdoc />
    public async Task InitializeAsync() => server = await ServerEverythingProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
