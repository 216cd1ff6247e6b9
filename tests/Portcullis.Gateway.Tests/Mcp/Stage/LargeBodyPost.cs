using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>POSTs a huge JSON body over a raw TCP socket, streamed in 64 KiB pieces, and stops sending as soon as the
/// gateway has answered: shows whether the gateway refused the body before it was all sent.</summary>
internal static class LargeBodyPost
{
    private const int Piece = 64 * 1024;

    /// <summary>Sends <paramref name="total"/> bytes to <paramref name="target"/>, declared by <c>Content-Length</c> or
    /// (when <paramref name="chunked"/>) sent chunked; returns the status, the response body and the bytes sent.</summary>
    public static async Task<(int Status, string Body, long Sent)> SendAsync(Uri server, string target, IEnumerable<(string Name, string Value)> headers, long total, bool chunked)
    {
        var head = new StringBuilder();
        head.Append("POST ").Append(target).Append(" HTTP/1.1\r\nHost: ").Append(server.Authority).Append("\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Type: application/json\r\n");
        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {total.ToString(CultureInfo.InvariantCulture)}\r\n");
        head.Append("Connection: close\r\n\r\n");

        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), timeout.Token);

        var response = ReadResponseAsync(stream, timeout.Token);
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        _ = response.ContinueWith(_ => answered.Cancel(), TaskScheduler.Default);
        var sent = await SendBodyAsync(stream, total, chunked, answered.Token);
        var (status, body) = await response;
        return (status, body, sent);
    }

    private static async Task<long> SendBodyAsync(NetworkStream stream, long total, bool chunked, CancellationToken answered)
    {
        var filler = new byte[Piece];
        Array.Fill(filler, (byte)'a');
        var opening = Encoding.ASCII.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"pad":" """.TrimEnd());
        opening.CopyTo(filler, 0);
        long sent = 0;
        try
        {
            while (sent < total && !answered.IsCancellationRequested)
            {
                var size = (int)Math.Min(Piece, total - sent);
                if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), answered);
                await stream.WriteAsync(filler.AsMemory(0, size), answered);
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray(), answered);
                sent += size;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The gateway answered and closed the connection: exactly what the test wants to see.
        }
        return sent;
    }

    private static async Task<(int Status, string Body)> ReadResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) throw new IOException($"the connection closed before a response head ({received.Count} bytes)");
            received.AddRange(buffer.AsSpan(0, read));
        }

        var headText = Encoding.Latin1.GetString([.. received.Take(headEnd)]);
        var lines = headText.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var lengthLine = lines.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        while (received.Count - headEnd - 4 < length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) break;
            received.AddRange(buffer.AsSpan(0, read));
        }
        return (status, Encoding.UTF8.GetString([.. received.Skip(headEnd + 4).Take(length)]));
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        }
        return -1;
    }
}
