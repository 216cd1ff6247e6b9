using System.ComponentModel;
using System.Diagnostics;

namespace Portcullis.Conformance;

/// <summary>Runs the node scripts in <c>tools/</c>, which need <c>npm ci</c> to have been run there.</summary>
internal static class NodeTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>node tools/<paramref name="script"/> <paramref name="args"/></c> from the repository root
    /// and returns its standard output; throws with a clear message when node or the npm packages are missing or
    /// the script fails.</summary>
    public static string Run(string script, params string[] args)
    {
        var modules = Path.Combine(RepoPaths.Tools, "node_modules", "@bufbuild");
        if (!Directory.Exists(modules))
        {
            throw new InvalidOperationException(
                $"{modules} is missing: run `npm ci` in {RepoPaths.Tools} (scripts/test does this) before running these tests.");
        }
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine("tools", script));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Cannot run `node` ({ex.Message}): install Node.js and run `npm ci` in {RepoPaths.Tools}.", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node tools/{script} did not finish within {Timeout.TotalSeconds} s.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"node tools/{script} failed with exit code {process.ExitCode}: {stderr.Result.Trim()}" +
                    $" (if a module is missing, run `npm ci` in {RepoPaths.Tools})");
            }
            return stdout.Result;
        }
    }
}
