using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Portcullis.Pdp.Service;

namespace Portcullis.Pdp.Tests.Service;

/// <summary>Keeps every log line (level and formatted message) for assertions.</summary>
internal sealed class ListLogger : ILogger<PdpHost>
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
}
