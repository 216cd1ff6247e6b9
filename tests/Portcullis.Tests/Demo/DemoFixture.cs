namespace Portcullis.Tests.Demo;

/// <summary>One <c>portcullis demo</c> process shared by the tests that only send requests to it.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    internal DemoProcess Demo { get; private set; } = null!;

    public async Task InitializeAsync() => Demo = await DemoProcess.StartAsync();

    public Task DisposeAsync()
    {
        Demo.Dispose();
        return Task.CompletedTask;
    }
}
