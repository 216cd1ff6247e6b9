using System.Diagnostics;

namespace Portcullis.TestSupport;

/// <summary>Runs the real <c>portcullis</c> executable (<c>dotnet portcullis.dll ...</c>, built next to the calling
/// test project, which references the host) to completion, feeding it standard input; a run that outlives its bound
/// is killed by process id and fails.</summary>
public static class PortcullisCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Gets the path of the host assembly in the test output folder.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "portcullis.dll");

    /// <summary>Gets the <c>dotnet</c> host to run it with (<c>DOTNET_HOST_PATH</c> when the SDK set it).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <c>portcullis ARGS</c> with <paramref name="stdin"/> (none when null) and returns what it did.</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var info = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {Dotnet}");
        using var bound = new CancellationTokenSource(Timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(bound.Token);
            var stderr = process.StandardError.ReadToEndAsync(bound.Token);
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin.AsMemory(), bound.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
            return new CliResult(process.ExitCode, (await stdout.ConfigureAwait(false)).Trim(), (await stderr.ConfigureAwait(false)).Trim());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"portcullis {string.Join(' ', info.ArgumentList.Skip(1))} did not exit within {Timeout.TotalSeconds} s");
        }
    }
}
