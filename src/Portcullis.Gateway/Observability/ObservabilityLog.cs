using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Observability;

/// <summary>The observability layer's log messages.</summary>
internal static partial class ObservabilityLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "Request {RequestId}: a gateway stage failed; answered 500")]
    public static partial void StageFailed(ILogger logger, string requestId, Exception exception);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "The decision record sink {Sink} failed; its failures are counted in portcullis_decision_record_sink_failures and logged only this once")]
    public static partial void SinkFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "{Record}")]
    public static partial void Decision(ILogger logger, string record);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "Decision records are being dropped: their output cannot keep up ({Capacity} queued); see portcullis_decision_records_dropped")]
    public static partial void RecordsDropped(ILogger logger, int capacity);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Error, Message = "Writing decision records failed; no further records are written")]
    public static partial void RecordOutputFailed(ILogger logger, Exception exception);
}
