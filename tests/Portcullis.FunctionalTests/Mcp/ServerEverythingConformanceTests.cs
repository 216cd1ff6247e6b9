using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp;

/// <summary>The MCP conformance suite (server mode) against <c>@modelcontextprotocol/server-everything</c>, directly:
/// every check must have the status recorded in <c>conformance-baseline.txt</c>. The gateway tests run the same suite
/// through <c>portcullis serve</c> (allow-all policy) and compare to the same file.</summary>
/// <remarks>server-everything is the reference server for clients, not the suite's own test server, so many checks
/// fail against it (they look for tools such as <c>test_simple_text</c>); the baseline records that, so what matters
/// is that nothing changes. Set <c>PORTCULLIS_UPDATE_MCP_CONFORMANCE_BASELINE=1</c> to rewrite the baseline after
/// upgrading the suite or the server, and review the diff.</remarks>
public sealed class ServerEverythingConformanceTests
{
    private const string UpdateVariable = "PORTCULLIS_UPDATE_MCP_CONFORMANCE_BASELINE";

    /// <summary>Gets the committed baseline.</summary>
    public static string BaselinePath =>
        Path.Combine(RepoPaths.ProjectSource("Portcullis.FunctionalTests"), "Mcp", "conformance-baseline.txt");

    [Fact]
    public async Task ConformanceSuite_AgainstServerEverything_MatchesTheBaseline()
    {
        await using var server = await ServerEverythingProcess.StartAsync();

        var run = await McpConformanceSuite.RunServerAsync(server.Endpoint);

        var text = run.ToBaseline(
            "MCP conformance suite (@modelcontextprotocol/conformance, server mode, active suite) against\n" +
            "@modelcontextprotocol/server-everything streamableHttp, directly. `scenario check-id STATUS  # message`.\n" +
            "Versions: tools/package.json. Rewrite: PORTCULLIS_UPDATE_MCP_CONFORMANCE_BASELINE=1 (see ServerEverythingConformanceTests).");
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Artifacts, "mcp-conformance-server-everything.txt"), text);
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Artifacts, "mcp-conformance-summary.txt"), Summary(run));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") await File.WriteAllTextAsync(BaselinePath, text);

        var differences = run.DifferencesFrom(ConformanceRun.ReadBaseline(BaselinePath));
        Assert.True(differences.Count == 0,
            $"The conformance results differ from {BaselinePath}:\n{string.Join('\n', differences)}\n\nsuite output:\n{run.Output}");
    }

    private static string Summary(ConformanceRun run)
    {
        var byStatus = run.Checks.GroupBy(c => c.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        var scenarios = run.Checks.Select(c => c.Scenario).Distinct(StringComparer.Ordinal).Count();
        return $"server-everything, direct: {scenarios} scenarios, {run.Checks.Count} checks: {string.Join(", ", byStatus)}\n";
    }
}
