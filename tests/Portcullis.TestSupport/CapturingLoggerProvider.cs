using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portcullis.TestSupport;

/// <summary>Keeps every log entry (event id, level, message) so tests can assert what operators see.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    /// <summary>Gets every entry logged so far, in order.</summary>
    public ConcurrentQueue<(EventId Id, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    /// <summary>Counts the entries with event id <paramref name="eventId"/>.</summary>
    public int Count(int eventId) => Entries.Count(e => e.Id.Id == eventId);

    /// <summary>Waits until at least <paramref name="count"/> entries have event id <paramref name="eventId"/>; fails with
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> (a bound against hanging, not a timing assertion).</summary>
    public async Task WaitForAsync(int eventId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count(eventId) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"expected {count} log entries with event id {eventId} within {timeout}, saw {Count(eventId)}:\n"
                    + string.Join("\n", Entries.Select(e => $"  {e.Id.Id} {e.Level}: {e.Message}")));
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((eventId, logLevel, formatter(state, exception), exception));
    }
}
