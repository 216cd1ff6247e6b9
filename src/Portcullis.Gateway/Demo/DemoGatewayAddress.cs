using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Portcullis.Gateway.Demo;

/// <summary>Where the demo gateway will listen, known before it starts: its MCP route's resource identifier (RFC 8707;
/// the tokens' <c>aud</c>, the protected-resource metadata) must name the gateway's own address, and the configuration
/// is read before the gateway listens.</summary>
/// <param name="Urls">The addresses to listen on: as given, except that a port 0 in the first one is replaced by a
/// port the OS just handed out.</param>
/// <param name="BaseAddress">The gateway's base address as a local client reaches it, e.g. <c>http://127.0.0.1:8080/</c>.</param>
public sealed partial record DemoGatewayAddress(string Urls, Uri BaseAddress)
{
    /// <summary>The path of the demo's MCP route.</summary>
    public const string McpPath = "mcp";

    /// <summary>Gets the MCP route's resource identifier and address, e.g. <c>http://127.0.0.1:8080/mcp</c>.</summary>
    public Uri McpResource => new(BaseAddress, McpPath);

    /// <summary>Resolves <paramref name="urls"/> (ASP.NET Core's <c>;</c>-separated convention). The first address
    /// decides: a loopback host is kept, any other host (<c>*</c>, <c>0.0.0.0</c>, a name) is reached as
    /// <c>127.0.0.1</c>. Its port 0 is replaced by a free port of that interface, found by binding port 0 and releasing
    /// it: another process could take it in between, and then the gateway reports the busy port as usual.</summary>
    /// <exception cref="FormatException">The first address is not an absolute http(s) address.</exception>
    public static DemoGatewayAddress Resolve(string urls)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urls);
        var all = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = all[0];
        // Uri rejects the '*' and '+' hosts ASP.NET Core accepts.
        var parsable = first.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new FormatException($"the address '{first}' is not an absolute http or https address");

        var loopback = IsLoopback(uri);
        var port = uri.Port;
        if (port == 0 && FreePort(loopback ? LoopbackAddress(uri) : IPAddress.Any) is { } free)
        {
            port = free;
            all[0] = PortZero().Replace(first, "${authority}" + free.ToString(CultureInfo.InvariantCulture), 1);
        }
        var host = loopback ? uri.Host : "127.0.0.1";
        return new DemoGatewayAddress(string.Join(';', all), new Uri($"{uri.Scheme}://{host}:{port}/"));
    }

    private static bool IsLoopback(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static IPAddress LoopbackAddress(Uri uri) =>
        IPAddress.TryParse(uri.IdnHost, out var address) ? address : IPAddress.Loopback;

    private static int? FreePort(IPAddress address)
    {
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
        catch (SocketException)
        {
            // Cannot bind there at all: leave port 0 and let the gateway's start report the address.
            return null;
        }
    }

    [GeneratedRegex(@"^(?<authority>[A-Za-z][A-Za-z0-9+.-]*://[^/]*:)0+(?=/|$)")]
    private static partial Regex PortZero();
}
