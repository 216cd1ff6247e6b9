using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Decisions;
using Portcullis.Gateway.Mapping;
using Portcullis.Gateway.Mcp.Coaz;
using Portcullis.Gateway.Mcp.Discovery;
using Portcullis.Gateway.Mcp.JsonRpc;
using Portcullis.Gateway.Mcp.Transport;
using Portcullis.Gateway.Pipeline;
using Portcullis.Pdp.Service;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>Decides one client-to-server JSON-RPC message on an MCP route (COAZ-MCP "PEP Behavior"): maps it, takes the
/// decision from the cache or the route's PDP, and returns the verdict. Never throws for request data; a PDP that fails
/// is a verdict (<see cref="McpVerdictKind.Unavailable"/>), never an allow.</summary>
internal sealed class McpMessageDecider(DecisionCache cache, McpDeclaredMappings declared, McpToolsListFetcher fetcher, ILogger<McpMessageDecider> logger)
{
    /// <summary>The message a denied request gets (policy internals are not disclosed).</summary>
    public const string DeniedMessage = "Access denied";

    /// <summary>The message of a -32603 answer when the PDP could not decide.</summary>
    public const string UnavailableMessage = "Authorization service unavailable";

    private const string ToolsCall = "tools/call";
    private const string ResourcesRead = "resources/read";
    private const string UiScheme = "ui://";

    /// <summary>Decides <paramref name="message"/> of <paramref name="exchange"/>.</summary>
    public async ValueTask<McpVerdict> DecideAsync(HttpContext context, GatewayFeature feature, McpExchange exchange, JsonRpcMessage message)
    {
        switch (message.Kind)
        {
            case JsonRpcMessageKind.Invalid:
                return new(McpVerdictKind.Invalid, message.Error?.Message ?? "Invalid Request");
            case JsonRpcMessageKind.Response:
                return McpRevisionRules.AllowsClientResponses(exchange.Version.Revision)
                    ? new(McpVerdictKind.Pass)
                    : new(McpVerdictKind.Invalid, "Invalid Request: a client does not send responses in this protocol revision");
        }

        var route = exchange.Route;
        var method = message.Method!;
        if (method == ToolsCall && message.GetStringParam("name") is { } tool)
        {
            if (route.Config.ConfiguredToolsCall is null && declared.Store.Find(route.UpstreamId, tool).Kind == DeclaredMappingKind.Unknown)
            {
                // No complete list seen from this server yet: learn its declared mappings before deciding.
                await fetcher.EnsureListedAsync(context, feature, exchange).ConfigureAwait(false);
            }

            if (declared.Store.Find(route.UpstreamId, tool).Kind is DeclaredMappingKind.Unknown or DeclaredMappingKind.NotListed &&
                declared.Store.CaseVariant(route.UpstreamId, tool) is not null)
            {
                // A loosely matching server would run the listed tool under a name the policy never saw.
                return MappingError(feature, method, CoazMappingResult.Error(CoazMappingSource.None,
                    "the tool name differs only in case, white space or Unicode form from a tool the server lists; call it by its exact name"));
            }
        }

        if (method == ResourcesRead && message.GetStringParam("uri") is { } uri && uri.StartsWith(UiScheme, StringComparison.Ordinal) &&
            declared.Store.ToolsLinking(route.UpstreamId, uri) is { Count: > 0 } linking)
        {
            return await DecideUiReadAsync(context, feature, exchange, linking).ConfigureAwait(false);
        }

        var mapping = route.Mapper.Map(method, message.Params, exchange.Caller, declared.For(route.UpstreamId));
        return await DecideMappingAsync(context, feature, exchange, method, mapping).ConfigureAwait(false);
    }

    /// <summary>Decides a request already mapped (also used for GET and DELETE, with the <c>initialize</c> mapping).</summary>
    public async ValueTask<McpVerdict> DecideMappingAsync(HttpContext context, GatewayFeature feature, McpExchange exchange, string method, CoazMappingResult mapping)
    {
        switch (mapping.Outcome)
        {
            case CoazOutcome.PassThrough:
                return new(McpVerdictKind.Pass);
            case CoazOutcome.Denied:
                return new(McpVerdictKind.Deny, DeniedMessage + ": " + mapping.Message);
            case CoazOutcome.MappingError:
                return MappingError(feature, method, mapping);
            case CoazOutcome.Evaluation:
                return await EvaluateAsync(context, feature, method,
                    mapping.Evaluation! with { Subject = McpSubjectProperties.Merge(mapping.Evaluation!.Subject, exchange.SubjectProperties) }).ConfigureAwait(false);
            default:
                var many = mapping.Evaluations!;
                return await EvaluateManyAsync(context, feature, method,
                    many.Subject is { } subject ? many with { Subject = McpSubjectProperties.Merge(subject, exchange.SubjectProperties) } : many).ConfigureAwait(false);
        }
    }

    /// <summary>MCP Apps: a <c>ui://</c> resource is read to render a tool, so it may be read by whoever may call one of
    /// the tools linking it.</summary>
    private async ValueTask<McpVerdict> DecideUiReadAsync(HttpContext context, GatewayFeature feature, McpExchange exchange, IReadOnlyList<string> tools)
    {
        McpVerdict last = new(McpVerdictKind.Deny, DeniedMessage);
        foreach (var tool in tools)
        {
            using var parameters = JsonDocument.Parse("{\"name\":" + JsonSerializer.Serialize(tool, JsonRpcJsonContext.Default.String) + "}");
            var mapping = exchange.Route.Mapper.Map(ToolsCall, parameters.RootElement, exchange.Caller);
            last = await DecideMappingAsync(context, feature, exchange, ToolsCall, mapping).ConfigureAwait(false);
            if (last.Forwards || last.Kind == McpVerdictKind.Unavailable) return last;
        }

        return last;
    }

    private McpVerdict MappingError(GatewayFeature feature, string method, CoazMappingResult mapping)
    {
        var problem = mapping.Message ?? "unknown";
        if (mapping.SubjectMismatch) McpLog.SubjectMismatch(logger, feature.RequestId, method, feature.Route!.Config.Id);
        else McpLog.MappingError(logger, feature.RequestId, method, problem);
        return new(McpVerdictKind.MappingError, "COAZ mapping error: " + problem);
    }

    private async ValueTask<McpVerdict> EvaluateAsync(HttpContext context, GatewayFeature feature, string method, EvaluationRequest request)
    {
        var route = feature.Route!;
        var ttl = route.Config.DecisionCacheTtl;
        var key = ttl > TimeSpan.Zero ? new DecisionCacheKey(route.PdpIdentity, CanonicalRequestKey.For(request)) : default;
        var policyVersion = route.PolicyVersion;
        if (ttl > TimeSpan.Zero && cache.TryGet(key, ttl, out var cached, policyVersion))
        {
            return cached ? new(McpVerdictKind.Allow, CacheHit: true) : new(McpVerdictKind.Deny, DeniedMessage, CacheHit: true);
        }

        var (decision, failure, error) = await DecisionMiddleware.AskPdpAsync(context, feature, route.Pdp!, request).ConfigureAwait(false);
        if (decision is not { } allowed)
        {
            McpLog.PdpUnavailable(logger, feature.RequestId, method, failure, error);
            return new(McpVerdictKind.Unavailable, UnavailableMessage);
        }

        if (ttl > TimeSpan.Zero) cache.Set(key, allowed, ttl, policyVersion);
        return allowed ? new(McpVerdictKind.Allow) : new(McpVerdictKind.Deny, DeniedMessage);
    }

    /// <summary>The <c>evaluations</c> envelope: allowed only when every decision is a permit (COAZ framework).</summary>
    private async ValueTask<McpVerdict> EvaluateManyAsync(HttpContext context, GatewayFeature feature, string method, EvaluationsRequest request)
    {
        var route = feature.Route!;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = route.Pdp is AuthZenHttpClient client
                ? await client.EvaluateManyAsync(request, feature.RequestId, context.RequestAborted).ConfigureAwait(false)
                : await route.Pdp!.EvaluationsAsync(request, context.RequestAborted).ConfigureAwait(false);
            if (response.Evaluations.Count != Math.Max(1, request.Evaluations?.Count ?? 0))
            {
                McpLog.PdpUnavailable(logger, feature.RequestId, method, "WrongAnswerCount", null);
                return new(McpVerdictKind.Unavailable, UnavailableMessage);
            }

            return response.Evaluations.All(static e => e.Decision) ? new(McpVerdictKind.Allow) : new(McpVerdictKind.Deny, DeniedMessage);
        }
        catch (PdpUnavailableException e)
        {
            McpLog.PdpUnavailable(logger, feature.RequestId, method, e.Kind.ToString(), null);
            return new(McpVerdictKind.Unavailable, UnavailableMessage);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            McpLog.PdpUnavailable(logger, feature.RequestId, method, "Failed", e);
            return new(McpVerdictKind.Unavailable, UnavailableMessage);
        }
        finally
        {
            feature.PdpTime += Stopwatch.GetElapsedTime(started);
        }
    }
}
