using System.Net;
using System.Net.Sockets;

namespace Portcullis.TestSupport;

/// <summary>Finds loopback TCP ports nobody listens on, for servers that cannot be told to pick one themselves.</summary>
public static class FreePort
{
    /// <summary>Returns a port that was free on 127.0.0.1 a moment ago (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
