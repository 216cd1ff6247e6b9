using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Model;
using Portcullis.Pdp.Service;

namespace Portcullis.Pdp.Tests.Service;

public sealed class PdpHostTests : IDisposable
{
    private const string ViewerViews = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: record
          version: default
          rules:
            - name: viewer-view
              actions: [view]
              effect: EFFECT_ALLOW
              roles: [viewer]
        """;

    private const string ViewerViewsAndEdits = ViewerViews + """

            - name: viewer-edit
              actions: [edit]
              effect: EFFECT_ALLOW
              roles: [viewer]
        """;

    // Line 12 has an effect Cerbos does not know.
    private const string ViewerEditsBadly = ViewerViews + """

            - name: viewer-edit
              actions: [edit]
              effect: EFFECT_MAYBE
              roles: [viewer]
        """;

    private readonly TempFolder _folder = new();
    private readonly ListLogger _logger = new();
    private readonly string _policies;
    private readonly string _directory;

    public PdpHostTests()
    {
        _policies = _folder.Folder("policies");
        _directory = _folder.Folder("directory");
        _folder.Write("policies/record.yaml", ViewerViews);
        _folder.Write("directory/users.yaml", "subjects:\n  - {type: user, id: alice, roles: [viewer]}\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Start_BrokenPoliciesAndDirectory_ThrowsListingEveryProblem()
    {
        var rules = _folder.Write("policies/record.yaml", ViewerEditsBadly);
        var users = _folder.Write("directory/users.yaml", "subjects:\n  - {type: user}\n");

        var e = Assert.Throws<PdpLoadException>(() => Start(watch: false));

        Assert.Equal([$"{rules}:12:15: effect must be EFFECT_ALLOW or EFFECT_DENY, not 'EFFECT_MAYBE'", $"{users}:2:5: a subject needs an 'id'"],
            e.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(
            $"The PDP could not load its policies and directory (2 problems):\n{rules}:12:15: effect must be EFFECT_ALLOW or EFFECT_DENY, not 'EFFECT_MAYBE'\n{users}:2:5: a subject needs an 'id'",
            e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Start_MissingFolders_ReportsBoth()
    {
        var options = new PdpOptions { PoliciesPath = Path.Combine(_folder.Root, "nope"), DirectoryPath = Path.Combine(_folder.Root, "none"), Watch = false };

        var e = Assert.Throws<PdpLoadException>(() => PdpHost.Start(options, _logger));

        Assert.Equal(["the policy folder does not exist", "the directory folder does not exist"], e.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public async Task ReloadAsync_ValidEdit_SwapsInTheNewSnapshot()
    {
        using var host = Start(watch: false);
        Assert.False(await Allowed(host, "alice", "edit"));

        _folder.Write("policies/record.yaml", ViewerViewsAndEdits);
        var result = await host.ReloadAsync();

        Assert.Empty(result.Diagnostics);
        Assert.True(await Allowed(host, "alice", "edit"));
        Assert.Equal(2, _logger.Entries.Count(e => e.EventId == 1));
    }

    [Fact]
    public async Task ReloadAsync_BrokenEdit_KeepsTheLastGoodSnapshotAndLogsEveryProblem()
    {
        using var host = Start(watch: false);
        var before = host.Pdp.Snapshot;

        var rules = _folder.Write("policies/record.yaml", ViewerEditsBadly);
        var users = _folder.Write("directory/users.yaml", "subjects:\n  - {type: user, id: alice, roles: viewer}\n");
        var result = await host.ReloadAsync();

        Assert.Null(result.Snapshot);
        Assert.Same(before, host.Pdp.Snapshot);
        Assert.True(await Allowed(host, "alice", "view"));
        Assert.False(await Allowed(host, "alice", "edit"));
        var warnings = _logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(
            [
                $"PDP reload rejected: {rules}:12:15: effect must be EFFECT_ALLOW or EFFECT_DENY, not 'EFFECT_MAYBE'",
                $"PDP reload rejected: {users}:2:36: 'roles' must be a list of strings",
                "PDP reload rejected with 2 problem(s); the last good policies and directory stay in force",
            ],
            warnings);
    }

    [Fact]
    public async Task Watch_FileChange_ReloadsWithoutBeingAsked()
    {
        using var host = Start(watch: true);
        var before = host.Pdp.Snapshot;

        _folder.Write("directory/more.json", """{"subjects": [{"type": "user", "id": "bob", "roles": ["viewer"]}]}""");

        // Bounded wait for the watcher and the debounce; the assertion is about the outcome, not the time taken.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ReferenceEquals(before, host.Pdp.Snapshot) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(host.Pdp.Snapshot.Directory.TryGetSubject("user", "bob", out _));
    }

    [Fact]
    public async Task AddEmbeddedPdp_GoodFolders_ResolvesTheEmbeddedPdpAsIAuthZenPdp()
    {
        using var provider = Services(_policies).BuildServiceProvider();
        foreach (var service in provider.GetServices<IHostedService>()) await service.StartAsync(default);

        var pdp = provider.GetRequiredService<IAuthZenPdp>();

        Assert.Same(provider.GetRequiredService<EmbeddedPdp>(), pdp);
        Assert.True((await pdp.EvaluateAsync(Request("alice", "view"))).Decision);
    }

    [Fact]
    public async Task AddEmbeddedPdp_BrokenFolders_FailsStartUpWithTheDiagnostics()
    {
        _folder.Write("directory/users.yaml", "subjects: [oops\n");
        using var provider = Services(_policies).BuildServiceProvider();

        var e = await Assert.ThrowsAsync<PdpLoadException>(async () =>
        {
            foreach (var service in provider.GetServices<IHostedService>()) await service.StartAsync(default);
        });

        Assert.Contains(e.Diagnostics, d => d.File.EndsWith("users.yaml", StringComparison.Ordinal) && d.Line > 0);
    }

    private ServiceCollection Services(string policies)
    {
        var services = new ServiceCollection();
        services.AddEmbeddedPdp(o =>
        {
            o.PoliciesPath = policies;
            o.DirectoryPath = _directory;
            o.Watch = false;
        });
        return services;
    }

    private PdpHost Start(bool watch) => PdpHost.Start(
        new PdpOptions { PoliciesPath = _policies, DirectoryPath = _directory, Watch = watch, ReloadDelay = TimeSpan.FromMilliseconds(50) },
        _logger);

    private static async Task<bool> Allowed(PdpHost host, string subject, string action) =>
        (await host.Pdp.EvaluateAsync(Request(subject, action))).Decision;

    private static EvaluationRequest Request(string subject, string action) => new()
    {
        Subject = new Subject { Type = "user", Id = subject },
        Action = new AccessAction { Name = action },
        Resource = new Resource { Type = "record", Id = "1" },
    };
}
