using System.Text.Json;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;

namespace Portcullis.FunctionalTests.RemotePdp;

/// <summary>The gateway's HTTP client against the real <c>portcullis pdp</c> serving the interop Todo scenario: every
/// case of <c>shared/interop/todo/decisions.json</c>, one call each and once more as one batch.</summary>
public sealed class PortcullisRemotePdpTests
{
    [Fact]
    public async Task AuthZenHttpClient_TodoInteropCases_ExpectedDecisions()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var pdp = await PortcullisPdpProcess.StartAsync(
            Path.Combine(RepoPaths.Samples, "interop", "todo", "policies"),
            Path.Combine(RepoPaths.Samples, "interop", "todo", "directory"),
            timeout.Token);
        using var client = new AuthZenHttpClient(new AuthZenClientOptions { BaseAddress = pdp.BaseAddress, Timeout = TimeSpan.FromSeconds(10) });
        var cases = LoadTodoCases();

        var single = new List<bool>();
        foreach (var (request, _) in cases) single.Add((await client.EvaluateAsync(request, timeout.Token)).Decision);
        var batch = await client.EvaluateManyAsync(
            new EvaluationsRequest
            {
                Evaluations = [.. cases.Select(c => new EvaluationItem { Subject = c.Request.Subject, Action = c.Request.Action, Resource = c.Request.Resource })],
            },
            timeout.Token);

        var expected = cases.Select(c => c.Expected).ToList();
        Assert.True(cases.Count >= 5, "the interop file lost its cases");
        Assert.Contains(true, expected);
        Assert.Contains(false, expected);
        Assert.Equal(expected, single);
        Assert.Equal(expected, batch.Evaluations.Select(e => e.Decision));
    }

    private static List<(EvaluationRequest Request, bool Expected)> LoadTodoCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SharedInterop, "todo", "decisions.json")));
        return
        [
            .. document.RootElement.GetProperty("decisions").EnumerateArray().Select(c => (
                c.GetProperty("request").Deserialize(AuthZenJsonContext.Default.EvaluationRequest)!,
                c.GetProperty("expected").GetBoolean())),
        ];
    }
}
