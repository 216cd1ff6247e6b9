using Microsoft.Extensions.Logging;

namespace Portcullis.AuthZen.Server;

/// <summary>Log messages of the AuthZEN endpoints.</summary>
internal static partial class AuthZenServerLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "AuthZEN request to {Path} failed; answered 500")]
    public static partial void RequestFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Rejected AuthZEN request to {Path} with {Status}: {Reason}")]
    public static partial void Rejected(ILogger logger, string path, int status, string reason);
}
