using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp;

/// <summary>One real ExpenseServer process (<c>samples/mcp/ExpenseServer</c>, sessions on) for a test class.</summary>
public sealed class ExpenseServerFixture : IAsyncLifetime
{
    private ExpenseServerProcess? server;

    /// <summary>Gets the server.</summary>
    public ExpenseServerProcess Server => server ?? throw new InvalidOperationException("The ExpenseServer is not running.");

    /// <inheritdoc />
    public async Task InitializeAsync() => server = await ExpenseServerProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
