using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace Portcullis.TestSupport;

/// <summary>A server process started by a test: its output is kept (the last lines, for failure messages) and it is
/// killed by its process id on dispose.</summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Action<string>? _onLine;

    private ChildProcess(Process process, Action<string>? onLine)
    {
        _process = process;
        _onLine = onLine;
    }

    /// <summary>Gets the process id.</summary>
    public int Id => _process.Id;

    /// <summary>Gets whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Gets the last lines the process wrote (both streams, in arrival order).</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="args"/> (and <paramref name="environment"/>
    /// added to the inherited variables), calling <paramref name="onLine"/> for each line it writes to either stream;
    /// throws with a clear message when the program cannot be started.</summary>
    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> args,
        string workingDirectory,
        Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, onLine);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Cannot start {fileName}: {ex.Message}", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to exit (and its output to be read) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Waits at most <paramref name="timeout"/> for the process to exit and returns its exit code; throws a
    /// <see cref="TimeoutException"/> naming <paramref name="name"/>, with the process output, when it runs longer (the
    /// caller's dispose then kills it).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, string name, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            return await WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{name} did not finish within {timeout.TotalSeconds} s.\noutput:\n{Output}");
        }
    }

    /// <summary>Sends the signal <paramref name="name"/> (e.g. <c>INT</c>, what Ctrl+C sends, or <c>TERM</c>) to the
    /// process by id, with the system's <c>kill</c> command.</summary>
    public void SendSignal(string name)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false };
        info.ArgumentList.Add("-" + name);
        info.ArgumentList.Add(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var kill = Process.Start(info) ?? throw new InvalidOperationException("cannot start kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} {_process.Id} failed with exit code {kill.ExitCode}");
    }

    /// <summary>Kills the process (and its children) by id and waits briefly for it to go.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        while (_lines.Count > KeptLines) _lines.TryDequeue(out _);
        _onLine?.Invoke(line);
    }
}
