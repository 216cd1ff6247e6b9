using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>A logger provider that keeps every entry written, to assert what the gateway logged.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}
