using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp;

/// <summary>The baseline comparison the conformance tests rely on: it must notice every kind of change.</summary>
public sealed class ConformanceRunTests
{
    private static readonly ConformanceCheck Ping = new("ping", "ping", "SUCCESS");
    private static readonly ConformanceCheck Tools = new("tools-list", "tools-list", "SUCCESS");

    [Fact]
    public void DifferencesFrom_SameChecks_IgnoringMessages_IsEmpty()
    {
        var run = new ConformanceRun(0, [Ping with { Message = "today's words" }, Tools], "");

        Assert.Empty(run.DifferencesFrom([Ping, Tools]));
    }

    [Fact]
    public void DifferencesFrom_ChangedMissingAndNewChecks_NamesEachOne()
    {
        var run = new ConformanceRun(1, [Ping with { Status = "FAILURE" }, new("extra", "extra-check", "SUCCESS")], "");

        var differences = run.DifferencesFrom([Ping, Tools]);

        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.StartsWith("ping ping: SUCCESS in the baseline, FAILURE now", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("tools-list tools-list: in the baseline", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("extra extra-check: SUCCESS now, not in the baseline", StringComparison.Ordinal));
    }

    [Fact]
    public void ToBaseline_ReadBack_GivesTheSameChecksWithoutMessages()
    {
        using var folder = new TempFolder();
        var run = new ConformanceRun(1, [Ping, Tools with { Status = "FAILURE", Message = "No tools # at all" }], "");

        var path = folder.Write("baseline.txt", run.ToBaseline("header line 1\nheader line 2"));

        Assert.Equal([Ping, Tools with { Status = "FAILURE" }], ConformanceRun.ReadBaseline(path));
    }

    [Fact]
    public void ParseBaselineLine_WrongFieldCount_Throws()
    {
        Assert.Throws<FormatException>(() => ConformanceCheck.ParseBaselineLine("ping SUCCESS"));
    }
}
