namespace Portcullis.Tests.Demo;

/// <summary>Stopping the demo: Ctrl+C (SIGINT) or SIGTERM ends every part cleanly and removes the temporary files.</summary>
// One collection: the demo tests look at the temp folder, so they do not run beside each other.
[Collection("portcullis demo")]
public sealed class DemoShutdownTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Signal_ExitsZeroAndDeletesTheTemporaryFolder(string signal)
    {
        using var demo = await DemoProcess.StartAsync();
        var folder = Path.GetDirectoryName(demo.ConfigFile)!;
        Assert.True(File.Exists(demo.ConfigFile), demo.ConfigFile);

        demo.Process.SendSignal(signal);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await demo.Process.WaitForExitAsync(bound.Token);

        Assert.True(code == 0, $"exit {code}\n{demo.Process.Output}");
        Assert.False(Directory.Exists(folder), folder);
    }
}
