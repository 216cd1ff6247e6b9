using System.Net;

namespace Portcullis.Gateway.Forwarding;

/// <summary>Wraps request content so that every write to the connection is flushed; headers are the inner content's.</summary>
internal sealed class FlushingContent : HttpContent
{
    private readonly HttpContent inner;

    public FlushingContent(HttpContent inner)
    {
        this.inner = inner;
        foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var flushing = new FlushingWriteStream(stream);
        await using (flushing.ConfigureAwait(false))
        {
            await inner.CopyToAsync(flushing, context, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
