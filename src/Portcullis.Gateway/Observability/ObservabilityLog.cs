using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Observability;

/// <summary>The observability layer's log messages.</summary>
internal static partial class ObservabilityLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Request {RequestId}: a gateway stage failed; answered 500")]
    public static partial void StageFailed(ILogger logger, string requestId, Exception exception);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "The decision record sink {Sink} failed; its failures are counted in portcullis_decision_record_sink_failures and logged only this once")]
    public static partial void SinkFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "{Record}")]
    public static partial void Decision(ILogger logger, string record);
}
