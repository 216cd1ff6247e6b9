using System.Net.Sockets;
using Portcullis.TestSupport;

namespace Portcullis.Tests.Commands;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_PortInUse_ExitsOneWithOneClearLineAndNoStackTrace()
    {
        using var busy = new TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        using var folder = new TempFolder();
        folder.Write("portcullis.yaml", "routes:\n  - {id: a, path: /a, upstream: 'http://127.0.0.1:1/', anonymous: true}\n");

        var result = await PortcullisCli.RunAsync(["serve", "--config", Path.Combine(folder.Root, "portcullis.yaml"), "--urls", $"http://127.0.0.1:{port}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: cannot listen on http://127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
