using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portcullis.Gateway.Demo;

/// <summary>The demo's upstream: a small read-only documents API on 127.0.0.1. It trusts the gateway in front of it
/// and checks nothing itself, which is the point of the demo.</summary>
/// <remarks><c>GET /documents/{documentId}</c> answers the document as JSON (404 problem+json when unknown);
/// <c>GET /tenants/{tenantId}/documents</c> lists that tenant's documents (id, title, classification).</remarks>
public sealed class DemoUpstream : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly WebApplication _app;
    private readonly Dictionary<string, DemoDocument> _documents;

    private DemoUpstream(WebApplication app, IReadOnlyList<DemoDocument> documents)
    {
        _app = app;
        _documents = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        Documents = documents;
    }

    /// <summary>Gets the base address, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the documents served, in order.</summary>
    public IReadOnlyList<DemoDocument> Documents { get; }

    /// <summary>Starts the API on an OS-chosen loopback port, serving <paramref name="documents"/>.</summary>
    public static async Task<DemoUpstream> StartAsync(IReadOnlyList<DemoDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var app = LoopbackServer.CreateBuilder().Build();
        var upstream = new DemoUpstream(app, documents);
        app.MapGet("/documents/{documentId}", upstream.Document);
        app.MapGet("/tenants/{tenantId}/documents", upstream.TenantDocuments);
        try
        {
            upstream.BaseAddress = await LoopbackServer.StartAsync(app, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await upstream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return upstream;
    }

    private IResult Document(string documentId) =>
        _documents.TryGetValue(documentId, out var document)
            ? Json(WithId(document))
            : Results.Text(
                new JsonObject { ["type"] = "about:blank", ["title"] = "Not Found", ["status"] = 404, ["detail"] = "No such document." }.ToJsonString(),
                "application/problem+json",
                statusCode: StatusCodes.Status404NotFound);

    private IResult TenantDocuments(string tenantId)
    {
        var list = new JsonArray();
        foreach (var document in Documents.Where(d => d.Tenant == tenantId))
        {
            list.Add(new JsonObject
            {
                ["id"] = document.Id,
                ["title"] = document.Properties["title"]?.DeepClone(),
                ["classification"] = document.Properties["classification"]?.DeepClone(),
            });
        }
        return Json(new JsonObject { ["tenant"] = tenantId, ["documents"] = list });
    }

    private static JsonObject WithId(DemoDocument document)
    {
        var body = new JsonObject { ["id"] = document.Id };
        foreach (var (name, value) in document.Properties) body[name] = value?.DeepClone();
        return body;
    }

    private static IResult Json(JsonNode body) => Results.Text(body.ToJsonString(Indented) + "\n", "application/json");

    /// <summary>Stops the API.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
