using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>Sends an HTTP/1.1 request byte for byte over a TCP socket: what <see cref="HttpClient"/> would normalise
/// first (dot segments, backslashes, repeated headers) reaches the gateway unchanged.</summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> with <paramref name="headers"/> (each sent as
    /// its own line, repeats included), <c>Connection: close</c> and <paramref name="body"/> (with its
    /// <c>Content-Length</c>) when given, and reads the whole response.</summary>
    public static async Task<RawHttpResponse> SendAsync(Uri server, string method, string target, IEnumerable<(string Name, string Value)> headers, string? body = null)
    {
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(server.Authority).Append("\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        var content = Encoding.UTF8.GetBytes(body ?? "");
        if (body is not null) head.Append("Content-Length: ").Append(content.Length).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");

        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), timeout.Token);
        await stream.WriteAsync(content, timeout.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(received.ToArray());
    }

    private static RawHttpResponse Parse(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) throw new FormatException($"no complete response head in {bytes.Length} bytes");
        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return new KeyValuePair<string, string>(line[..colon], line[(colon + 1)..].Trim());
        }).ToList();
        var body = text[(end + 4)..];
        if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
            body = Dechunk(body);
        return new RawHttpResponse(status, headers, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body)));
    }

    private static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var i = 0;
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n", i, StringComparison.Ordinal);
            var size = int.Parse(body[i..lineEnd].Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0) return result.ToString();
            result.Append(body, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
    }
}
