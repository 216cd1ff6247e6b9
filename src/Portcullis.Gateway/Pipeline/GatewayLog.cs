using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Pipeline;

/// <summary>The gateway pipeline's log messages.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Request {RequestId}: the PDP is unavailable ({Kind}); answered 503, nothing forwarded")]
    public static partial void PdpUnavailable(ILogger logger, string requestId, string kind);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Request {RequestId}: the PDP failed; answered 503, nothing forwarded")]
    public static partial void PdpFailed(ILogger logger, string requestId, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Request {RequestId}: the request could not be mapped to AuthZEN ({Failure}); answered 403")]
    public static partial void MappingFailed(ILogger logger, string requestId, string failure);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Request {RequestId}: the token issuer is unavailable; answered 503")]
    public static partial void IssuerUnavailable(ILogger logger, string requestId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Request {RequestId}: the PDP could not decide ({Kind}); route {RouteId} fails open, so the request was forwarded without a decision")]
    public static partial void FailOpen(ILogger logger, string requestId, string routeId, string kind, Exception? exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Request {RequestId}: identity header {Header} was not set: its value is not a single line of visible ASCII text (at most 4096 characters), or is an object")]
    public static partial void IdentityHeaderSkipped(ILogger logger, string requestId, string header);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Request {RequestId}: identity header {Header} was not set: {Failure}")]
    public static partial void IdentityHeaderFailed(ILogger logger, string requestId, string header, string failure);

    [LoggerMessage(EventId = 4150, Level = LogLevel.Information, Message = "Request {RequestId}: the path hides a dot segment behind an encoded or unusual separator; answered 400, nothing forwarded")]
    public static partial void AmbiguousPath(ILogger logger, string requestId);
}
