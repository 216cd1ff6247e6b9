using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Reload;

/// <summary>The configuration reload's log messages.</summary>
internal static partial class ReloadLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Watching {File} for configuration changes")]
    public static partial void Watching(ILogger logger, string file);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "configuration reloaded ({RouteCount} routes) from {File}")]
    public static partial void Reloaded(ILogger logger, int routeCount, string file);

    /// <summary>Logs one problem as <c>file:line:column: path: message</c> (<c>file: path: message</c> without a line).</summary>
    public static void Problem(ILogger logger, string file, MappingProblem problem) =>
        Problem(logger, file, problem.Line > 0 ? problem.ToString() : " " + problem);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "{File}:{Problem}")]
    private static partial void Problem(ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning,
        Message = "Configuration reload rejected with {ProblemCount} problem(s) in {File}; the previous configuration stays in force")]
    public static partial void Rejected(ILogger logger, int problemCount, string file);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning,
        Message = "{File}: 'pdp.policies' or 'pdp.directory' changed; the embedded PDP keeps serving {PoliciesPath} until the gateway is restarted")]
    public static partial void PdpFoldersNeedRestart(ILogger logger, string file, string policiesPath);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Error, Message = "Configuration reload of {File} failed; the previous configuration stays in force")]
    public static partial void Failed(ILogger logger, string file, Exception exception);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "Watching {File} failed; reloading in case changes were missed")]
    public static partial void WatcherError(ILogger logger, string file, Exception exception);
}
