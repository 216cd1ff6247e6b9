using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>The MCP stage's log messages (event ids 4500-4549). They name methods, ids and routes, never tokens, claim
/// values or tool arguments.</summary>
internal static partial class McpLog
{
    [LoggerMessage(EventId = 4500, Level = LogLevel.Information, Message = "Request {RequestId}: the MCP body was refused ({Reason}); nothing forwarded")]
    public static partial void BodyRefused(ILogger logger, string requestId, string reason);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Request {RequestId}: header {Header} disagrees with the MCP body; answered 400, nothing forwarded")]
    public static partial void HeaderMismatch(ILogger logger, string requestId, string header);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "Request {RequestId}: {Method} could not be mapped to AuthZEN: {Problem}")]
    public static partial void MappingError(ILogger logger, string requestId, string method, string problem);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Warning, Message = "Request {RequestId}: a mapping for {Method} on route {RouteId} tried to decide for a subject other than the token's; refused as a mapping error")]
    public static partial void SubjectMismatch(ILogger logger, string requestId, string method, string routeId);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Warning, Message = "Request {RequestId}: the PDP could not decide {Method} ({Kind}); answered -32603, nothing forwarded")]
    public static partial void PdpUnavailable(ILogger logger, string requestId, string method, string kind, Exception? exception);

    [LoggerMessage(EventId = 4505, Level = LogLevel.Warning, Message = "Request {RequestId}: the {Method} response could not be filtered ({Problem}); answered -32603")]
    public static partial void FilterFailed(ILogger logger, string requestId, string method, string problem, Exception? exception);

    [LoggerMessage(EventId = 4506, Level = LogLevel.Warning, Message = "Request {RequestId}: the upstream's event stream could not be inspected ({Outcome}); the response was aborted")]
    public static partial void StreamAborted(ILogger logger, string requestId, string outcome);

    [LoggerMessage(EventId = 4508, Level = LogLevel.Warning, Message = "Request {RequestId}: an MCP session id on route {RouteId} was presented by a caller other than the one it was created for; answered 404")]
    public static partial void SessionOfAnotherCaller(ILogger logger, string requestId, string routeId);

    [LoggerMessage(EventId = 4509, Level = LogLevel.Warning, Message = "Request {RequestId}: the tools of the MCP server behind route {RouteId} could not be listed ({Problem}); tools/call is decided with the default mapping")]
    public static partial void ToolsListFetchFailed(ILogger logger, string requestId, string routeId, string problem, Exception? exception);

    [LoggerMessage(EventId = 4507, Level = LogLevel.Warning, Message = "Request {RequestId}: the upstream answered a list request with {ContentType}, which cannot be filtered; answered -32603")]
    public static partial void UnfilterableResponse(ILogger logger, string requestId, string contentType);
}
