namespace Portcullis.Gateway.Forwarding;

/// <summary>Makes the upstream connection send each piece of a request body as soon as the gateway has read it.</summary>
/// <remarks>On HTTP/1.1, <see cref="SocketsHttpHandler"/> keeps small body writes in its connection buffer until the
/// buffer fills or the body ends, and YARP flushes only gRPC bodies; a streamed upload (a client sending a part, then
/// waiting for the upstream to react) would stall. Flushing after each write costs at most one extra send per read.</remarks>
internal sealed class RequestBodyFlushingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content) request.Content = new FlushingContent(content);
        return base.SendAsync(request, cancellationToken);
    }
}
