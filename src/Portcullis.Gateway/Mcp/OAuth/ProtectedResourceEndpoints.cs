using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Mcp.OAuth;

/// <summary>Serves the MCP routes' RFC 9728 protected-resource metadata at <c>/.well-known/oauth-protected-resource</c>
/// and below, from the configuration in force (a reload changes it). Anonymous, cacheable, readable cross-origin (the
/// document is public and browser-based MCP clients fetch it), and not a proxied request: no decision record.</summary>
internal static class ProtectedResourceEndpoints
{
    /// <summary>How long clients and caches may keep a document: short, because a configuration reload may change it.</summary>
    private const string CacheControl = "public, max-age=300";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps GET/HEAD (the document, or 404 for a path no MCP route publishes at) and OPTIONS (a CORS preflight).</summary>
    public static IEndpointRouteBuilder MapProtectedResourceMetadata(this IEndpointRouteBuilder endpoints)
    {
        foreach (var pattern in new[] { McpResourceUri.WellKnownPrefix, McpResourceUri.WellKnownPrefix + "/{**path}" })
        {
            endpoints.MapMethods(pattern, GetAndHead, WriteAsync);
            endpoints.MapMethods(pattern, [HttpMethods.Options], static context =>
            {
                var headers = context.Response.Headers;
                headers.AccessControlAllowOrigin = "*";
                headers.AccessControlAllowMethods = "GET, HEAD";
                headers.AccessControlAllowHeaders = "*";
                headers.AccessControlMaxAge = "300";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            });
        }
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var catalog = context.RequestServices.GetRequiredService<GatewayServices>().ProtectedResources;
        var response = context.Response;
        if (catalog.Find(context.Request.Path) is not { } document)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.Headers.CacheControl = "no-store";
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = document.Length;
        response.Headers.CacheControl = CacheControl;
        response.Headers.AccessControlAllowOrigin = "*";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.Body.WriteAsync(document, context.RequestAborted).ConfigureAwait(false);
    }
}
