using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portcullis.Pdp.Service;

/// <summary>
/// Owns the embedded PDP's life: the initial load (which must succeed), and reloads on file changes or on request.
/// A reload that finds any problem logs each one and keeps the last good snapshot; a good one swaps in atomically.
/// </summary>
public sealed class PdpHost : IDisposable
{
    private readonly PdpOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer? _debounce;
    private int _disposed;

    private PdpHost(PdpOptions options, ILogger logger, TimeProvider timeProvider, PdpSnapshot snapshot)
    {
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
        Pdp = new EmbeddedPdp(snapshot);
        if (!options.Watch) return;
        _debounce = timeProvider.CreateTimer(_ => _ = ReloadQuietlyAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Watch(options.PoliciesPath);
        if (options.DirectoryPath is not null) Watch(options.DirectoryPath);
    }

    /// <summary>Gets the PDP, whose snapshot this host replaces on reload.</summary>
    public EmbeddedPdp Pdp { get; }

    /// <summary>Loads the folders named by <paramref name="options"/> and, when <see cref="PdpOptions.Watch"/> is set,
    /// starts watching them. Throws <see cref="PdpLoadException"/> listing every problem when the load fails.</summary>
    /// <remarks><paramref name="timeProvider"/> (defaults to the system clock) drives both the reload debounce and
    /// the policies' <c>now()</c>.</remarks>
    public static PdpHost Start(PdpOptions options, ILogger<PdpHost>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PoliciesPath)) throw new InvalidOperationException("PdpOptions.PoliciesPath is required.");
        var log = (ILogger?)logger ?? NullLogger.Instance;
        timeProvider ??= TimeProvider.System;
        var result = PdpSnapshotLoader.Load(options.PoliciesPath, options.DirectoryPath, timeProvider);
        if (result.Snapshot is null) throw new PdpLoadException(result.Diagnostics);
        LogLoaded(log, options, result.Snapshot);
        return new PdpHost(options, log, timeProvider, result.Snapshot);
    }

    /// <summary>Loads the folders again now. On success the new snapshot is in force when this completes; on failure
    /// the previous one stays, and the returned diagnostics (also logged) say why.</summary>
    public async Task<PdpSnapshotLoadResult> ReloadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = PdpSnapshotLoader.Load(_options.PoliciesPath, _options.DirectoryPath, _timeProvider);
            if (result.Snapshot is null)
            {
                foreach (var diagnostic in result.Diagnostics) PdpHostLog.ReloadProblem(_logger, diagnostic.ToString());
                PdpHostLog.ReloadRejected(_logger, result.Diagnostics.Count);
                return result;
            }
            Pdp.Replace(result.Snapshot);
            LogLoaded(_logger, _options, result.Snapshot);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops watching. The PDP keeps answering from its last snapshot.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var watcher in _watchers) watcher.Dispose();
        _debounce?.Dispose();
    }

    private static void LogLoaded(ILogger logger, PdpOptions options, PdpSnapshot snapshot) =>
        PdpHostLog.Loaded(logger, options.PoliciesPath, snapshot.Policies.PolicyCount, snapshot.Directory.SubjectCount, snapshot.Directory.ResourceCount,
            options.DirectoryPath ?? "(no directory)");

    private void Watch(string folder)
    {
        var watcher = new FileSystemWatcher(Path.GetFullPath(folder))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => ScheduleReload();
        watcher.Created += (_, _) => ScheduleReload();
        watcher.Deleted += (_, _) => ScheduleReload();
        watcher.Renamed += (_, _) => ScheduleReload();
        watcher.Error += (_, e) =>
        {
            PdpHostLog.WatcherError(_logger, e.GetException());
            ScheduleReload();
        };
        _watchers.Add(watcher);
        watcher.EnableRaisingEvents = true;
        PdpHostLog.Watching(_logger, folder);
    }

    // Each change restarts the quiet period, so a burst of writes reloads once, after the last of them.
    private void ScheduleReload()
    {
        if (Volatile.Read(ref _disposed) == 0) _debounce?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
    }

    private async Task ReloadQuietlyAsync()
    {
        if (Volatile.Read(ref _disposed) != 0) return;
        try
        {
            await ReloadAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A watcher-triggered reload must never take the process down; the old snapshot stays.
        catch (Exception e) when (e is not ObjectDisposedException)
#pragma warning restore CA1031
        {
            PdpHostLog.ReloadFailed(_logger, e);
        }
    }
}
