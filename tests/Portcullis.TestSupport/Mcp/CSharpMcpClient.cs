using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Portcullis.TestSupport.Mcp;

/// <summary>The C# SDK client (<c>ModelContextProtocol</c> 2.3.1) over Streamable HTTP only (no SSE fallback), with an
/// optional bearer token on every request.</summary>
public static class CSharpMcpClient
{
    /// <summary>Gets the bound on connecting and on the initialize handshake.</summary>
    public static TimeSpan ConnectTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Connects to <paramref name="endpoint"/> and initializes the session; the caller disposes the client,
    /// which ends the session.</summary>
    public static async Task<McpClient> ConnectAsync(Uri endpoint, string? bearerToken = null, CancellationToken cancellationToken = default)
    {
        var transportOptions = new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            ConnectionTimeout = ConnectTimeout,
            Name = "portcullis-test-csharp-client",
        };
        if (bearerToken is not null)
        {
            transportOptions.AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {bearerToken}" };
        }
        var clientOptions = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "portcullis-test-csharp-client", Version = "1.0.0" },
            InitializationTimeout = ConnectTimeout,
        };
        var transport = new HttpClientTransport(transportOptions);
        return await McpClient.CreateAsync(transport, clientOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
