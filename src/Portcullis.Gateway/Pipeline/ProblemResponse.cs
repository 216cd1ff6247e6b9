using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Writes RFC 9457 problem details (<c>application/problem+json</c>) without any policy internals.</summary>
internal static class ProblemResponse
{
    /// <summary>The media type of problem details.</summary>
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        var writer = new Utf8JsonWriter(response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "about:blank");
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.WriteString("request_id", GatewayFeature.Of(context).RequestId);
            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
