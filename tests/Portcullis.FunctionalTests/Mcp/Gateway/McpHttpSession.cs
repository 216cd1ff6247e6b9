using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>A Streamable HTTP MCP session written out by hand (revision 2025-06-18), for tests that must choose what an
/// SDK chooses for them: each request's JSON-RPC id and its <c>X-Request-ID</c>, to find its decision record.</summary>
internal sealed class McpHttpSession : IDisposable
{
    private const string Revision = "2025-06-18";
    private readonly HttpClient http;
    private readonly Uri endpoint;
    private readonly string token;
    private string? sessionId;

    private McpHttpSession(Uri endpoint, string token)
    {
        this.endpoint = endpoint;
        this.token = token;
        http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>Initializes a session at <paramref name="endpoint"/> with <paramref name="token"/> and lists the tools
    /// (as a client does first, and as the gateway needs to learn the tools' declared mappings).</summary>
    public static async Task<McpHttpSession> StartAsync(Uri endpoint, string token)
    {
        var session = new McpHttpSession(endpoint, token);
        try
        {
            await session.RequestAsync("initialize", "0", $$$"""{"protocolVersion":"{{{Revision}}}","capabilities":{},"clientInfo":{"name":"records-test","version":"1.0.0"}}""");
            using var initialized = await session.PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", null);
            await session.RequestAsync("tools/list", "1", "{}");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Sends the request <paramref name="method"/> with the JSON-RPC id <paramref name="idJson"/> (JSON text)
    /// and <paramref name="paramsJson"/>, tagged <paramref name="requestId"/>, and returns its JSON-RPC response (from a
    /// JSON or an event-stream answer).</summary>
    public async Task<JsonElement> RequestAsync(string method, string idJson, string paramsJson, string? requestId = null)
    {
        using var response = await PostAsync($$"""{"jsonrpc":"2.0","id":{{idJson}},"method":"{{method}}","params":{{paramsJson}}}""", requestId);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method}: HTTP {(int)response.StatusCode} {body}");
        if (response.Headers.TryGetValues("Mcp-Session-Id", out var ids)) sessionId ??= ids.First();
        var json = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? body.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].Trim()).Last(l => l.Contains("\"id\"", StringComparison.Ordinal))
            : body;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Opens the session's GET event stream, tagged <paramref name="requestId"/>, and returns its status once the
    /// headers arrive (the stream is then closed).</summary>
    public async Task<HttpStatusCode> OpenStreamAsync(string requestId)
    {
        using var request = Request(HttpMethod.Get, requestId);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    /// <summary>Ends the session (DELETE), tagged <paramref name="requestId"/>, and returns the answer's status.</summary>
    public async Task<HttpStatusCode> EndAsync(string requestId)
    {
        using var request = Request(HttpMethod.Delete, requestId);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> PostAsync(string json, string? requestId)
    {
        using var request = Request(HttpMethod.Post, requestId);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    private HttpRequestMessage Request(HttpMethod method, string? requestId)
    {
        var request = new HttpRequestMessage(method, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", Revision);
        }
        if (requestId is not null) request.Headers.Add("X-Request-ID", requestId);
        return request;
    }
}
