using System.Net;
using System.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace Portcullis.Benchmarks.Gateway;

/// <summary>The upstream of the in-process gateway benchmarks: YARP's forwarder client answers every request itself
/// with 200 and the load test's 37-byte JSON body, so a benchmark measures the proxy and not a socket.</summary>
internal sealed class InMemoryUpstream : IForwarderHttpClientFactory
{
    /// <summary>The body every forwarded request gets back (the same as nginx's in benchmarks/gateway-http).</summary>
    public static readonly byte[] Body = """{"id":42,"name":"bench","done":false}"""u8.ToArray();

    /// <inheritdoc/>
    public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) => new(new Handler(), disposeHandler: true);

    private sealed class Handler : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = Json;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
