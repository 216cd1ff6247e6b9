using System.Net;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Streaming;

public sealed class Http2Tests(ProtocolGatewayFixture gateway) : IClassFixture<ProtocolGatewayFixture>
{
    [Fact]
    public async Task Send_Http2PriorKnowledgeWithToken_AnswersOverHttp2AndForwardsOverHttp2()
    {
        using var client = Http2Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/h2/one") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Authorization = new("Bearer", gateway.Token("alice"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("GET /h2/one", await response.Content.ReadAsStringAsync());
        Assert.Equal("HTTP/2", Assert.Single(gateway.Http2Upstream.Received, r => r.Path == "/h2/one").Protocol);
    }

    [Fact]
    public async Task Send_Http2WithoutToken_Answers401AndNeverForwards()
    {
        using var client = Http2Client();

        using var response = await client.GetAsync(new Uri("/h2/anonymous", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.DoesNotContain(gateway.Http2Upstream.Received, r => r.Path == "/h2/anonymous");
    }

    [Fact]
    public async Task Send_Http11OnTheOrdinaryAddress_IsServedAndForwardedOverHttp2()
    {
        using var client = new HttpClient { BaseAddress = gateway.Address, DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/h2/http11") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Authorization = new("Bearer", gateway.Token("alice"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal("HTTP/2", Assert.Single(gateway.Http2Upstream.Received, r => r.Path == "/h2/http11").Protocol);
    }

    private HttpClient Http2Client() => new()
    {
        BaseAddress = gateway.H2cAddress,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
