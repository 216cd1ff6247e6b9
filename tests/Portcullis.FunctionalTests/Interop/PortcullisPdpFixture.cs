using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Portcullis.FunctionalTests.Interop;

/// <summary>Starts <c>portcullis pdp</c> on one interop scenario's policies and directory, on a free loopback port,
/// and stops it when the tests of the class are done.</summary>
/// <remarks>
/// Set <c>PORTCULLIS_INTEROP_URL_&lt;SCENARIO&gt;</c> (e.g. <c>PORTCULLIS_INTEROP_URL_TODO=http://127.0.0.1:8181</c>)
/// to run the cases against a PDP that is already running instead.
/// </remarks>
public abstract partial class PortcullisPdpFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private const int MaxOutputChars = 64 * 1024;

    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? process;
    private HttpClient? client;

    protected PortcullisPdpFixture(string scenario) => Scenario = scenario;

    /// <summary>Gets the scenario name (<c>todo</c>, <c>search</c>, <c>idp</c>).</summary>
    public string Scenario { get; }

    /// <summary>Gets a client whose base address is the running PDP.</summary>
    public HttpClient Client => client ?? throw new InvalidOperationException($"The {Scenario} PDP is not running.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable($"PORTCULLIS_INTEROP_URL_{Scenario.ToUpperInvariant()}");
        var baseAddress = string.IsNullOrEmpty(external) ? await StartAsync() : new Uri(external);
        client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already gone.
        }
        catch (OperationCanceledException)
        {
            // Killed but slow to report its exit; nothing more we can do.
        }
        process.Dispose();
    }

    private async Task<Uri> StartAsync()
    {
        var dll = InteropPaths.PortcullisDll;
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the test project first.");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = InteropPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll, "pdp",
            "--policies", InteropPaths.Policies(Scenario),
            "--directory", InteropPaths.Directory(Scenario),
            "--urls", "http://127.0.0.1:0",
        })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        var command = $"{info.FileName} {string.Join(' ', info.ArgumentList)}";

        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, fromStdout: true);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, fromStdout: false);
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"exited with code {SafeExitCode()} before it was listening"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            return await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(
                $"`portcullis pdp` did not print \"Now listening on: http://...\" within {StartTimeout.TotalSeconds} s.\n" +
                $"command: {command}\noutput:\n{Output()}");
        }
        catch (InvalidOperationException ex)
        {
            process.WaitForExit(TimeSpan.FromSeconds(5)); // flush the rest of its output
            throw new InvalidOperationException(
                $"`portcullis pdp` {ex.Message}.\ncommand: {command}\noutput:\n{Output()}", ex);
        }
    }

    private void OnLine(string? line, bool fromStdout)
    {
        if (line is null) return;
        lock (output)
        {
            if (output.Length < MaxOutputChars) output.AppendLine(line);
        }
        if (!fromStdout) return;
        var match = ListeningLine().Match(line);
        if (match.Success) listening.TrySetResult(new Uri(match.Groups["url"].Value));
    }

    private string Output()
    {
        lock (output)
        {
            return output.Length == 0 ? "(nothing)" : output.ToString();
        }
    }

    private string SafeExitCode()
    {
        try
        {
            return process?.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    [GeneratedRegex(@"Now listening on:\s*(?<url>https?://\S+)")]
    private static partial Regex ListeningLine();
}
