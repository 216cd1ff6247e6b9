using System.Net;
using System.Text;

namespace Portcullis.Gateway.Tests.Streaming;

public sealed class StreamingTests(ProtocolGatewayFixture gateway) : IClassFixture<ProtocolGatewayFixture>
{
    /// <summary>Bounds every wait, so a buffering gateway fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ServerSentEvents_FirstEventReachesTheClientBeforeTheUpstreamSendsTheSecond()
    {
        using var client = new HttpClient { BaseAddress = gateway.Address, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events/1");
        request.Headers.Authorization = new("Bearer", gateway.Token("alice"));
        using var cancel = new CancellationTokenSource(Bound);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        // The upstream holds the second event until the first has been read here: a buffering proxy never delivers it.
        Assert.Equal("data: first", await reader.ReadLineAsync(cancel.Token));
        Assert.Equal("", await reader.ReadLineAsync(cancel.Token));
        gateway.Streaming.ReleaseSecondEvent();
        Assert.Equal("data: second", await reader.ReadLineAsync(cancel.Token));
    }

    [Fact]
    public async Task StreamedRequestBody_FirstPartReachesTheUpstreamBeforeTheClientSendsTheRest()
    {
        using var client = new HttpClient { BaseAddress = gateway.Address, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload/1")
        {
            // The second part is written only after the upstream has received the first: a buffering proxy never forwards it.
            Content = new TwoPartContent("part-one;", "part-two", gateway.Streaming.FirstChunkReceived.WaitAsync(Bound)),
        };
        request.Headers.Authorization = new("Bearer", gateway.Token("alice"));

        using var response = await client.SendAsync(request).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("part-one;part-two", await response.Content.ReadAsStringAsync());
        Assert.Equal("part-one;", await gateway.Streaming.FirstChunkReceived);
    }

    /// <summary>A chunked body written in two parts, the second after <paramref name="beforeSecond"/> completes.</summary>
    private sealed class TwoPartContent(string first, string second, Task beforeSecond) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            await beforeSecond;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(second));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
