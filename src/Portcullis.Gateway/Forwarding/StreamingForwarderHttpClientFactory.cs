using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Portcullis.Gateway.Forwarding;

/// <summary>YARP's upstream client factory, with request bodies sent on as they arrive (see <see cref="RequestBodyFlushingHandler"/>).</summary>
internal sealed class StreamingForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new RequestBodyFlushingHandler(base.WrapHandler(context, handler));
}
