using System.Diagnostics;

namespace Portcullis.FunctionalTests.Cli;

/// <summary>Runs the real <c>portcullis</c> executable (<c>dotnet portcullis.dll ...</c>, built next to these tests)
/// to completion, feeding it standard input; a run that outlives its bound is killed by process id and fails.</summary>
internal static class PortcullisCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Gets the path of the host assembly.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "portcullis.dll");

    /// <summary>Runs <c>portcullis ARGS</c> with <paramref name="stdin"/> (none when null) and returns what it did.</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string? stdin = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        using var bound = new CancellationTokenSource(Timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(bound.Token);
            var stderr = process.StandardError.ReadToEndAsync(bound.Token);
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin.AsMemory(), bound.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(bound.Token);
            return new CliResult(process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"portcullis {string.Join(' ', info.ArgumentList.Skip(1))} did not exit within {Timeout.TotalSeconds} s");
        }
    }
}
