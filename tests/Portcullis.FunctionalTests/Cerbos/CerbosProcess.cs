using System.Globalization;

namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>The real Cerbos PDP (npm <c>@cerbos/cerbos-linux-x64</c>, pinned in <c>tools/</c>) serving a policy folder on
/// loopback, with its AuthZEN endpoints at <see cref="BaseAddress"/>. Dispose kills it by process id.</summary>
/// <remarks>Configuration keys: https://docs.cerbos.dev/cerbos/latest/configuration/server.html and
/// .../configuration/storage.html (driver <c>disk</c>).</remarks>
internal sealed class CerbosProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly ChildProcess _process;
    private readonly string _configDir;

    private CerbosProcess(ChildProcess process, string configDir, Uri baseAddress)
    {
        _process = process;
        _configDir = configDir;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the HTTP base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the last lines Cerbos logged.</summary>
    public string Output => _process.Output;

    /// <summary>Writes a configuration for <paramref name="policyDir"/> to a temporary folder, starts Cerbos and
    /// waits until <c>/_cerbos/health</c> answers 200; throws with Cerbos's log when it does not within 20 s.</summary>
    public static async Task<CerbosProcess> StartAsync(string policyDir, CancellationToken cancellationToken = default)
    {
        var binary = RepoPaths.CerbosBinary;
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run `npm ci` in {RepoPaths.Tools}.");
        }
        var configDir = Directory.CreateTempSubdirectory("portcullis-cerbos-").FullName;
        var httpPort = FreePort.Next();
        var grpcPort = FreePort.Next();
        while (grpcPort == httpPort) grpcPort = FreePort.Next();
        var config = string.Create(CultureInfo.InvariantCulture, $"""
            server:
              httpListenAddr: "127.0.0.1:{httpPort}"
              grpcListenAddr: "127.0.0.1:{grpcPort}"
            storage:
              driver: disk
              disk:
                directory: "{policyDir}"
                watchForChanges: false
            telemetry:
              disabled: true
            """);
        var configPath = Path.Combine(configDir, "cerbos.yaml");
        await File.WriteAllTextAsync(configPath, config, cancellationToken).ConfigureAwait(false);

        var process = ChildProcess.Start(binary, ["server", $"--config={configPath}"], configDir);
        var cerbos = new CerbosProcess(process, configDir, new Uri($"http://127.0.0.1:{httpPort}/"));
        try
        {
            await cerbos.WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
            return cerbos;
        }
        catch
        {
            await cerbos.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Kills Cerbos by process id and deletes its configuration folder.</summary>
    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        try
        {
            Directory.Delete(_configDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        return ValueTask.CompletedTask;
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Cerbos exited during start-up:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("_cerbos/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe timed out; try again.
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"Cerbos did not become healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
    }
}
