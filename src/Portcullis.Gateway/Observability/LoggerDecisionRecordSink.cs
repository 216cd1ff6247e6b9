using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Observability;

/// <summary>The default sink: one JSON line per record (snake_case, see <see cref="DecisionRecordJsonContext"/>) at
/// Information to the log category <see cref="Category"/>. Turn that category down to stop the records.</summary>
public sealed class LoggerDecisionRecordSink : IDecisionRecordSink
{
    /// <summary>The log category the records are written to.</summary>
    public const string Category = "Portcullis.Decisions";

    private readonly ILogger logger;

    /// <summary>Creates the sink on <paramref name="loggerFactory"/>'s <see cref="Category"/> logger.</summary>
    public LoggerDecisionRecordSink(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        logger = loggerFactory.CreateLogger(Category);
    }

    /// <summary>Serializes <paramref name="record"/> to one JSON line and logs it, unless the category is off.</summary>
    public void Write(DecisionRecord record)
    {
        if (!logger.IsEnabled(LogLevel.Information)) return;
        ObservabilityLog.Decision(logger, Serialize(record));
    }

    /// <summary>Returns the record as one line of JSON, as this sink writes it.</summary>
    public static string Serialize(DecisionRecord record) => DecisionRecordJson.Serialize(record);
}
