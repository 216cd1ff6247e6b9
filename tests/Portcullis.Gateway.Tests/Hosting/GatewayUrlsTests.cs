using Microsoft.AspNetCore.Builder;
using Portcullis.Gateway.Hosting;

namespace Portcullis.Gateway.Tests.Hosting;

public sealed class GatewayUrlsTests
{
    [Theory]
    [InlineData("https://127.0.0.1:8443")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("not an address")]
    public void UseGatewayUrls_H2cAddressWithoutFixedHttpPort_IsRefusedWithTheAddress(string h2c)
    {
        var builder = WebApplication.CreateSlimBuilder();

        var error = Assert.Throws<FormatException>(() => builder.WebHost.UseGatewayUrls("http://127.0.0.1:8080", h2c));

        Assert.Contains(h2c, error.Message, StringComparison.Ordinal);
    }
}
