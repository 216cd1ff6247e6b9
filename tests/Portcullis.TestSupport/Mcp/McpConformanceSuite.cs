using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portcullis.TestSupport.Mcp;

/// <summary>The MCP conformance suite (<c>@modelcontextprotocol/conformance</c>, pinned in <c>tools/</c>) in server
/// mode, on the pinned Node 22: <c>conformance server --url ENDPOINT -o DIR</c> runs every scenario of the active
/// suite as a client against the server and writes each scenario's <c>checks.json</c>. A run that outlives its bound
/// is killed by process id.</summary>
public static partial class McpConformanceSuite
{
    /// <summary>Gets the bound on one run of the whole suite.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Runs the suite against <paramref name="endpoint"/> and returns its checks; throws with the suite's
    /// output when it wrote no results at all. With <paramref name="bearerToken"/>, every request the suite makes to the
    /// endpoint's origin carries it as <c>Authorization: Bearer</c> (the suite has no header option, so
    /// <c>tools/bearer-token-preload.mjs</c> adds it where undici creates the request; the token goes through the
    /// environment, never the command line).</summary>
    public static async Task<ConformanceRun> RunServerAsync(Uri endpoint, string? bearerToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var cli = RepoPaths.NodeModule("@modelcontextprotocol/conformance/dist/index.js");
        using var results = new TempFolder();
        List<string> args = [cli, "server", "--url", endpoint.AbsoluteUri, "-o", results.Root];
        var environment = new Dictionary<string, string>();
        if (bearerToken is not null)
        {
            args.InsertRange(0, ["--import", new Uri(Path.Combine(RepoPaths.Tools, "bearer-token-preload.mjs")).AbsoluteUri]);
            environment["BEARER_TOKEN"] = bearerToken;
            environment["BEARER_ORIGIN"] = endpoint.GetLeftPart(UriPartial.Authority);
        }
        using var process = ChildProcess.Start(RepoPaths.PinnedNode, args, results.Root, environment: environment);
        var exitCode = await process.WaitForExitAsync(Timeout, "The conformance suite", cancellationToken).ConfigureAwait(false);
        var checks = ReadChecks(results.Root);
        if (checks.Count == 0)
        {
            throw new InvalidOperationException($"The conformance suite exited with {exitCode} and wrote no checks.\noutput:\n{process.Output}");
        }
        return new ConformanceRun(exitCode, checks, process.Output);
    }

    // Each scenario writes <dir>/server-<scenario>-<timestamp>/checks.json: an array of {id, status, errorMessage?, ...}.
    private static List<ConformanceCheck> ReadChecks(string root)
    {
        var checks = new List<ConformanceCheck>();
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var match = ScenarioFolder().Match(Path.GetFileName(folder));
            var file = Path.Combine(folder, "checks.json");
            if (!match.Success || !File.Exists(file)) continue;
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var check in json.RootElement.EnumerateArray())
            {
                checks.Add(new ConformanceCheck(
                    match.Groups["scenario"].Value,
                    check.GetProperty("id").GetString() ?? "",
                    check.GetProperty("status").GetString() ?? "",
                    check.TryGetProperty("errorMessage", out var message) ? message.GetString() : null));
            }
        }
        return checks.OrderBy(c => c.Scenario, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^server-(?<scenario>.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$")]
    private static partial Regex ScenarioFolder();
}
