using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>One log entry as <see cref="LogCapture"/> kept it.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message);
