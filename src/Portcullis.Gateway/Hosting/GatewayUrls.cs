using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Portcullis.Gateway.Hosting;

/// <summary>Where the gateway listens: ordinary addresses (HTTP/1.1, and HTTP/2 where TLS negotiates it) and cleartext
/// HTTP/2 addresses (h2c, prior knowledge).</summary>
/// <remarks>Kestrel serves only HTTP/1.1 on a cleartext endpoint that allows both versions (without TLS there is no
/// ALPN to choose with), so h2c needs endpoints of its own that speak HTTP/2 only; they are told apart by port.</remarks>
public static class GatewayUrls
{
    /// <summary>Listens on <paramref name="urls"/> and, speaking HTTP/2 only, on <paramref name="h2cUrls"/> (both
    /// <c>;</c>-separated, ASP.NET Core's convention).</summary>
    /// <exception cref="FormatException">An h2c address is not <c>http://host:port</c> with a fixed port.</exception>
    public static IWebHostBuilder UseGatewayUrls(this IWebHostBuilder builder, string urls, string? h2cUrls = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(urls);
        var h2cPorts = H2cPorts(h2cUrls);
        builder.UseUrls(h2cPorts.Count == 0 ? urls : $"{urls};{h2cUrls}");
        if (h2cPorts.Count > 0)
        {
            builder.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen =>
            {
                if (listen.EndPoint is IPEndPoint endpoint && h2cPorts.Contains(endpoint.Port)) listen.Protocols = HttpProtocols.Http2;
            }));
        }
        return builder;
    }

    private static HashSet<int> H2cPorts(string? h2cUrls)
    {
        var ports = new HashSet<int>();
        if (string.IsNullOrWhiteSpace(h2cUrls)) return ports;
        foreach (var text in h2cUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Uri rejects '*' and '+' hosts, which ASP.NET Core accepts; swap them for a placeholder to read the port.
            var parsable = text.Replace("://*:", "://any:", StringComparison.Ordinal).Replace("://+:", "://any:", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port == 0)
                throw new FormatException($"the h2c address '{text}' must be http://host:port with a fixed port (HTTP/2 without TLS)");
            ports.Add(uri.Port);
        }
        return ports;
    }
}
