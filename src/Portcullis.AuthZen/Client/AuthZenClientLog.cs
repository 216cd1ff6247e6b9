using Microsoft.Extensions.Logging;

namespace Portcullis.AuthZen.Client;

/// <summary>The log messages of <see cref="AuthZenHttpClient"/>; they name the PDP by origin only.</summary>
internal static partial class AuthZenClientLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "PDP {Origin} gave no decision ({Kind}, status {Status}).")]
    public static partial void CallFailed(ILogger logger, string origin, PdpFailureKind kind, int? status);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Circuit to PDP {Origin} opened for {BreakDuration}; calls fail fast.")]
    public static partial void BreakerOpened(ILogger logger, string origin, TimeSpan breakDuration);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Circuit to PDP {Origin} closed.")]
    public static partial void BreakerClosed(ILogger logger, string origin);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "PDP {Origin} metadata: {Outcome}.")]
    public static partial void Discovery(ILogger logger, string origin, string outcome);
}
