using System.Text.RegularExpressions;

namespace Portcullis.TestSupport;

/// <summary>Starts a server process and waits for the line it prints when it is ready to serve.</summary>
public static partial class ServerStartup
{
    /// <summary>Gets how long a server may take to print its ready line by default (the test machine is shared, so
    /// this is generous).</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="args"/> and <paramref name="environment"/> and
    /// returns it with the first match of <paramref name="readyLine"/> in its output; kills it and throws with its
    /// output when it exits first or does not print the line within <paramref name="timeout"/>
    /// (<see cref="DefaultTimeout"/> when null).</summary>
    public static async Task<(ChildProcess Process, Match Ready)> StartAsync(
        string name,
        string fileName,
        IEnumerable<string> args,
        string workingDirectory,
        Regex readyLine,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readyLine);
        var bound = timeout ?? DefaultTimeout;
        var ready = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = ChildProcess.Start(fileName, args, workingDirectory, line =>
        {
            var match = readyLine.Match(line);
            if (match.Success) ready.TrySetResult(match);
        }, environment);
        try
        {
            var deadline = DateTime.UtcNow + bound;
            while (!ready.Task.IsCompleted)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited during start-up.\noutput:\n{process.Output}");
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{name} did not print /{readyLine}/ within {bound.TotalSeconds} s.\noutput:\n{process.Output}");
                }
                await Task.WhenAny(ready.Task, Task.Delay(100, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            return (process, await ready.Task.ConfigureAwait(false));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Matches ASP.NET Core's "Now listening on: http://127.0.0.1:PORT" line; group <c>url</c> is the address.</summary>
    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+/?)")]
    public static partial Regex AspNetCoreListeningLine();
}
