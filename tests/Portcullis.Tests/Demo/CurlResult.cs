using System.Diagnostics;

namespace Portcullis.Tests.Demo;

/// <summary>What one shell command printed, read as <c>curl -si</c> output (status line, headers, body) when it has headers.</summary>
internal sealed record CurlResult(string Output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Gets the HTTP status, or 0 when the output has no status line.</summary>
    public int Status => Output.StartsWith("HTTP/", StringComparison.Ordinal) ? int.Parse(Output.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Gets the body: everything after the blank line ending the headers (the whole output without headers).</summary>
    public string Body => Status == 0 ? Output : Output[(Output.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

    /// <summary>Returns the value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name)
    {
        if (Status == 0) return null;
        var head = Output[..Output.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        return head.Split("\r\n").Skip(1)
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim())
            .FirstOrDefault();
    }

    /// <summary>Runs <paramref name="command"/> with <c>bash -c</c>, exactly as a user would paste it.</summary>
    public static async Task<CurlResult> RunAsync(string command)
    {
        var info = new ProcessStartInfo("/usr/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("cannot start bash");
        using var bound = new CancellationTokenSource(Timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(bound.Token);
            var stderr = process.StandardError.ReadToEndAsync(bound.Token);
            await process.WaitForExitAsync(bound.Token);
            Assert.True(process.ExitCode == 0, $"`{command}` exited with {process.ExitCode}: {await stderr}");
            return new CurlResult(await stdout);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {Timeout.TotalSeconds} s");
        }
    }
}
