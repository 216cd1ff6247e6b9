using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Reload;

/// <summary>Watches the configuration file (<see cref="GatewayConfig.SourcePath"/>) and reloads it after changes.</summary>
/// <remarks>
/// The folder is watched, not the file, so an atomic replace (write a temporary file, then rename it over the
/// configuration) is seen like an in-place write. Events restart a quiet period (<see cref="QuietPeriod"/>), so an
/// editor's burst of writes reloads once; content identical to the last attempt is ignored. A file that cannot be read
/// or has problems is logged at Warning, problem by problem, and the configuration in force stays.
/// </remarks>
internal sealed class GatewayConfigWatcher(GatewayServices services, GatewayReloader reloader, TimeProvider time, ILogger<GatewayConfigWatcher> logger)
    : IHostedService, IDisposable
{
    /// <summary>How long the file must stay quiet before a change reloads.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim gate = new(1, 1);
    private FileSystemWatcher? watcher;
    private ITimer? debounce;
    private string? lastText;
    private int stopped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.Config.SourcePath is not { } path) return Task.CompletedTask;
        var fileName = Path.GetFileName(path);
        debounce = time.CreateTimer(_ => _ = ReloadAsync(path), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler changed = (_, e) => { if (IsTheFile(e.Name, fileName)) Schedule(); };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) => { if (IsTheFile(e.Name, fileName) || IsTheFile(e.OldName, fileName)) Schedule(); };
        watcher.Error += (_, e) =>
        {
            ReloadLog.WatcherError(logger, path, e.GetException());
            Schedule();
        };
        watcher.EnableRaisingEvents = true;
        ReloadLog.Watching(logger, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0) return;
        watcher?.Dispose();
        debounce?.Dispose();
    }

    private static bool IsTheFile(string? name, string fileName) => string.Equals(name, fileName, StringComparison.Ordinal);

    private void Schedule()
    {
        if (Volatile.Read(ref stopped) == 0) debounce?.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
    }

    private async Task ReloadAsync(string path)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref stopped) != 0) return;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ReloadLog.Problem(logger, path, new Mapping.MappingProblem("", $"cannot read the file: {e.Message}"));
                ReloadLog.Rejected(logger, 1, path);
                return;
            }
            if (text == lastText) return;
            lastText = text;

            var loaded = GatewayConfigLoader.LoadYaml(text, Path.GetDirectoryName(path)!);
            if (!loaded.Succeeded)
            {
                foreach (var problem in loaded.Problems) ReloadLog.Problem(logger, path, problem);
                ReloadLog.Rejected(logger, loaded.Problems.Count, path);
                return;
            }
            await reloader.TryApplyAsync(loaded.Config! with { SourcePath = path }).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A watcher-triggered reload must never take the process down; the configuration in force stays.
        catch (Exception e)
#pragma warning restore CA1031
        {
            lastText = null;
            ReloadLog.Failed(logger, path, e);
        }
        finally
        {
            gate.Release();
        }
    }
}
