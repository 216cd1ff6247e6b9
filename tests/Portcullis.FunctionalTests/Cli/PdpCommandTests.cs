using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portcullis.FunctionalTests.Interop;

namespace Portcullis.FunctionalTests.Cli;

/// <summary><c>portcullis pdp</c> as a server process: start-up, failing start-up, and hot reload of its folder.</summary>
public sealed class PdpCommandTests : IDisposable
{
    // Bounds for waiting on the process; the assertions are about what happens, not how fast.
    private static readonly TimeSpan ReloadBound = TimeSpan.FromSeconds(20);

    private const string RecordPolicy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: record
          version: default
          rules:
            - name: viewers-view
              actions: [view]
              effect: EFFECT_ALLOW
              roles: [viewer]
            - name: editors-edit
              actions: [edit]
              effect: EFFECT_ALLOW
              roles: [editor]
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Pdp_OnAnOsChosenPort_ServesTheMetadataDocument()
    {
        var policies = _folder.CopyFrom(InteropPaths.Policies("todo"), "policies");
        await using var pdp = await PortcullisPdpProcess.StartAsync(policies);
        using var http = new HttpClient { BaseAddress = pdp.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        using var response = await http.GetAsync(new Uri(".well-known/authzen-configuration", UriKind.Relative));
        var metadata = await response.Content.ReadFromJsonAsync<JsonObject>();

        var baseUrl = pdp.BaseAddress.AbsoluteUri.TrimEnd('/');
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}\n{pdp.Output}");
        Assert.Equal(baseUrl, metadata!["policy_decision_point"]!.GetValue<string>());
        Assert.Equal(baseUrl + "/access/v1/evaluation", metadata["access_evaluation_endpoint"]!.GetValue<string>());
        Assert.Equal(baseUrl + "/access/v1/search/action", metadata["search_action_endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pdp_BrokenPolicies_ExitsOneListingEveryProblemWithoutAStackTrace()
    {
        var record = _folder.Write("policies/record.yaml", RecordPolicy.Replace("effect: EFFECT_ALLOW\n      roles: [editor]", "effect: ALLOW\n      roles: [editor]", StringComparison.Ordinal));
        var other = _folder.Write("policies/other.yaml", "apiVersion: api.cerbos.dev/v1\nresourcePolicy:\n  resource: other\n  rulez: []\n");

        var result = await PortcullisCli.RunAsync(["pdp", "--policies", _folder.Folder("policies"), "--urls", "http://127.0.0.1:0"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Collection(
            result.ErrorLines,
            line => Assert.StartsWith($"{other}:4:3: unknown field 'rulez'", line, StringComparison.Ordinal),
            line => Assert.Equal($"{record}:12:15: effect must be EFFECT_ALLOW or EFFECT_DENY, not 'ALLOW'", line),
            line => Assert.Equal("error: the PDP did not start: 2 problem(s) in its policies or directory", line));
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdp_PolicyFileEdits_ReloadGoodOnesAndKeepServingThroughBrokenOnes()
    {
        var file = _folder.Write("policies/record.yaml", RecordPolicy);
        await using var pdp = await PortcullisPdpProcess.StartAsync(_folder.Folder("policies"));
        using var http = new HttpClient { BaseAddress = pdp.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        Assert.False(await ViewerMayEditAsync(http));

        // A valid edit: viewers may now edit too.
        await File.WriteAllTextAsync(file, RecordPolicy.Replace("roles: [editor]", "roles: [editor, viewer]", StringComparison.Ordinal));
        Assert.True(await PollAsync(() => ViewerMayEditAsync(http)), $"the edit was not picked up:\n{pdp.Output}");

        // A broken edit: rejected, and the last good policies keep answering.
        var rejectionsBefore = Rejections(pdp);
        await File.WriteAllTextAsync(file, RecordPolicy.Replace("effect: EFFECT_ALLOW", "effect: MAYBE", StringComparison.Ordinal));
        Assert.True(await PollAsync(() => Task.FromResult(Rejections(pdp) > rejectionsBefore)), $"the broken edit was not reported:\n{pdp.Output}");

        Assert.True(await ViewerMayEditAsync(http));
        Assert.Contains($"{file}:8:15: effect must be EFFECT_ALLOW or EFFECT_DENY", pdp.Output, StringComparison.Ordinal);
    }

    private static int Rejections(PortcullisPdpProcess pdp) =>
        pdp.Output.Split('\n').Count(l => l.Contains("PDP reload rejected with", StringComparison.Ordinal));

    private static async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + ReloadBound;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return await condition();
    }

    private static async Task<bool> ViewerMayEditAsync(HttpClient http)
    {
        var request = new JsonObject
        {
            ["subject"] = new JsonObject { ["type"] = "user", ["id"] = "vera", ["properties"] = new JsonObject { ["roles"] = new JsonArray("viewer") } },
            ["action"] = new JsonObject { ["name"] = "edit" },
            ["resource"] = new JsonObject { ["type"] = "record", ["id"] = "1" },
        };
        using var response = await http.PostAsJsonAsync(new Uri("access/v1/evaluation", UriKind.Relative), request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["decision"]!.GetValue<bool>();
    }
}
