using System.Net;
using System.Net.Http.Headers;

namespace Portcullis.AuthZen.Client;

/// <summary>Sends one request over the pooled <see cref="HttpClient"/> and returns the 2xx body, bounded in size;
/// maps connection failures, non-2xx statuses and oversized bodies to <see cref="PdpUnavailableException"/>.
/// Cancellation (the caller's or the timeout's) propagates as <see cref="OperationCanceledException"/>.</summary>
internal sealed class AuthZenTransport(HttpClient http, AuthZenClientOptions options)
{
    private const int ChunkSize = 16 * 1024;
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    public async Task<byte[]> SendAsync(HttpMethod method, Uri url, byte[]? body, string? requestId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(Json);
        if (AuthZenRequestId.IsValid(requestId)) request.Headers.TryAddWithoutValidation(AuthZenRequestId.HeaderName, requestId);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new PdpUnavailableException(
                    PdpFailureKind.HttpStatus,
                    $"The PDP at {options.Origin} answered {status} on {url.AbsolutePath}.",
                    status);
            }
            return await ReadBoundedAsync(response.Content, url, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new PdpUnavailableException(
                PdpFailureKind.ConnectionFailed,
                $"The PDP at {options.Origin} could not be reached ({Describe(e)}).",
                null,
                e);
        }
        catch (IOException e)
        {
            throw new PdpUnavailableException(
                PdpFailureKind.ConnectionFailed,
                $"The connection to the PDP at {options.Origin} broke.",
                null,
                e);
        }
    }

    private async Task<byte[]> ReadBoundedAsync(HttpContent content, Uri url, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > options.MaxResponseBytes) throw TooLarge(url);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > options.MaxResponseBytes) throw TooLarge(url);
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }

    private PdpUnavailableException TooLarge(Uri url) => new(
        PdpFailureKind.InvalidResponse,
        $"The PDP at {options.Origin} answered more than {options.MaxResponseBytes} bytes on {url.AbsolutePath}.");

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError when e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused } => "connection refused",
        HttpRequestError.ConnectionError => "connection error",
        HttpRequestError.NameResolutionError => "name not resolved",
        HttpRequestError.SecureConnectionError => "TLS error",
        HttpRequestError.ResponseEnded => "response ended early",
        HttpRequestError.InvalidResponse => "invalid HTTP response",
        _ => "request failed",
    };

    /// <summary>Returns a handler with pooled keep-alive connections and no redirects, proxies or decompression.</summary>
    public static SocketsHttpHandler CreateHandler(AuthZenClientOptions options) => new()
    {
        PooledConnectionLifetime = options.PooledConnectionLifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
    };
}
