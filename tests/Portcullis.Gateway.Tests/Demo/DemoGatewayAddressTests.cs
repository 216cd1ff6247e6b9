using System.Net;
using System.Net.Sockets;
using Portcullis.Gateway.Demo;

namespace Portcullis.Gateway.Tests.Demo;

/// <summary>The demo gateway's address, settled before it starts so the MCP resource identifier can name it.</summary>
public sealed class DemoGatewayAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080", "http://localhost:8080/")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://127.0.0.1:8080;http://127.0.0.1:9090", "http://127.0.0.1:8080/")]
    public void Resolve_FixedPort_KeepsTheUrlsAndReachesTheFirstOneOverLoopback(string urls, string expected)
    {
        var address = DemoGatewayAddress.Resolve(urls);

        Assert.Equal(urls, address.Urls);
        Assert.Equal(expected, address.BaseAddress.AbsoluteUri);
        Assert.Equal(expected + "mcp", address.McpResource.AbsoluteUri);
    }

    [Fact]
    public void Resolve_PortZero_BecomesAFreePortInTheUrlsAndTheResource()
    {
        var address = DemoGatewayAddress.Resolve("http://127.0.0.1:0;http://127.0.0.1:0");

        var port = address.BaseAddress.Port;
        Assert.NotEqual(0, port);
        Assert.Equal($"http://127.0.0.1:{port};http://127.0.0.1:0", address.Urls);
        Assert.Equal($"http://127.0.0.1:{port}/mcp", address.McpResource.AbsoluteUri);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("not an address")]
    public void Resolve_NotAnHttpAddress_FormatExceptionNamingIt(string urls)
    {
        var error = Assert.Throws<FormatException>(() => DemoGatewayAddress.Resolve(urls));

        Assert.Contains(urls, error.Message, StringComparison.Ordinal);
    }
}
