namespace Portcullis.Tests.Demo;

/// <summary>One <c>portcullis demo</c> process shared by the tests that only send requests to it; stopped with Ctrl+C
/// (SIGINT) so it removes its temporary folder, and killed only if it does not stop.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    internal DemoProcess Demo { get; private set; } = null!;

    public async Task InitializeAsync() => Demo = await DemoProcess.StartAsync();

    public async Task DisposeAsync()
    {
        try
        {
            if (!Demo.Process.HasExited)
            {
                Demo.Process.SendSignal("INT");
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await Demo.Process.WaitForExitAsync(bound.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Did not stop in time: Dispose kills it.
        }
        finally
        {
            Demo.Dispose();
        }
    }
}
