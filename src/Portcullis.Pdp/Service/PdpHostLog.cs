using Microsoft.Extensions.Logging;

namespace Portcullis.Pdp.Service;

/// <summary>The PDP host's log messages.</summary>
internal static partial class PdpHostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "PDP loaded: {PolicyCount} policies from {PoliciesPath}, {SubjectCount} subjects and {ResourceCount} resources from {DirectoryPath}")]
    public static partial void Loaded(ILogger logger, string policiesPath, int policyCount, int subjectCount, int resourceCount, string directoryPath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "PDP reload rejected: {Diagnostic}")]
    public static partial void ReloadProblem(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "PDP reload rejected with {ProblemCount} problem(s); the last good policies and directory stay in force")]
    public static partial void ReloadRejected(ILogger logger, int problemCount);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "PDP reload failed; the last good policies and directory stay in force")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Watching {Folder} for changes")]
    public static partial void Watching(ILogger logger, string folder);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "File watching failed for the PDP folders; reloading in case changes were missed")]
    public static partial void WatcherError(ILogger logger, Exception exception);
}
