using System.Text.Json;
using Portcullis.AuthZen.Model;
using Portcullis.Cel.Json;
using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Policies;
using Portcullis.Pdp.Service;

namespace Portcullis.Pdp.Tests.Service;

public class EmbeddedPdpTests
{
    // Viewers and editors view (unless their "boom" attribute makes the condition fail); editors edit what they own.
    private const string RecordPolicy = """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: record
          version: default
          rules:
            - name: viewer-view
              actions: [view]
              effect: EFFECT_ALLOW
              roles: [viewer, editor]
              condition:
                match:
                  expr: "!has(P.attr.boom) || P.attr.boom.fuse"
            - name: editor-edit
              actions: [edit]
              effect: EFFECT_ALLOW
              roles: [editor]
              condition:
                match:
                  expr: R.attr.owner == P.id
        """;

    private static readonly EntityDirectory People = new(
        [
            new DirectoryEntity("user", "carol", ["viewer"], Props("{}")),
            new DirectoryEntity("user", "alice", ["editor"], Props("{}")),
            new DirectoryEntity("user", "bob", ["viewer"], Props("""{"boom": {}}""")),
            new DirectoryEntity("user", "dan", ["editor"], Props("{}")),
            new DirectoryEntity("robot", "r2", ["editor"], Props("{}")),
        ],
        [
            new DirectoryEntity("record", "103", null, Props("""{"owner": "dan"}""")),
            new DirectoryEntity("record", "101", null, Props("""{"owner": "alice"}""")),
            new DirectoryEntity("record", "102", null, Props("""{"owner": "alice"}""")),
            new DirectoryEntity("note", "n1", null, Props("""{"owner": "alice"}""")),
        ]);

    private readonly EmbeddedPdp _pdp = new(new PdpSnapshot(Policies(RecordPolicy), People));

    [Fact]
    public async Task EvaluateAsync_WithoutReasons_ReturnsBareDecisions()
    {
        var permit = await _pdp.EvaluateAsync(Request("alice", "edit", "101"));
        var deny = await _pdp.EvaluateAsync(Request("alice", "edit", "103"));

        Assert.Same(EvaluationResponse.Permit, permit);
        Assert.Same(EvaluationResponse.Deny, deny);
    }

    [Fact]
    public async Task EvaluateAsync_WithReasons_NamesPolicyAndRule()
    {
        var response = await _pdp.EvaluateAsync(Request("alice", "edit", "101") with { Options = new EvaluationOptions { Reasons = true } });

        Assert.True(response.Decision);
        Assert.Equal("""{"reason":{"policy":"resource.record.vdefault","rule":"editor-edit"},"errors":[]}""", Text(response.Context));
    }

    [Fact]
    public async Task EvaluateAsync_ReasonsForDefaultDeny_HaveNoPolicyAndListConditionErrors()
    {
        var options = new EvaluationOptions { Reasons = true };

        var plain = await _pdp.EvaluateAsync(Request("carol", "edit", "101") with { Options = options });
        var erroring = await _pdp.EvaluateAsync(Request("bob", "view", "101") with { Options = options });

        Assert.False(plain.Decision);
        Assert.Equal("""{"reason":{},"errors":[]}""", Text(plain.Context));
        Assert.False(erroring.Decision);
        Assert.Equal("""{"reason":{},"errors":["resource.record.vdefault/viewer-view: no such key: \u0027fuse\u0027"]}""", Text(erroring.Context));
    }

    [Fact]
    public async Task EvaluateAsync_UnmappableRequest_DeniesAndSaysWhyWhenAsked()
    {
        var bad = Request("alice", "view", "101") with { Context = JsonDocument.Parse("[1]").RootElement.Clone() };

        var bare = await _pdp.EvaluateAsync(bad);
        var explained = await _pdp.EvaluateAsync(bad with { Options = new EvaluationOptions { Reasons = true } });

        Assert.Same(EvaluationResponse.Deny, bare);
        Assert.False(explained.Decision);
        Assert.Equal("""{"reason":{},"errors":["context must be a JSON object"]}""", Text(explained.Context));
    }

    [Fact]
    public async Task SearchSubjectsAsync_ReturnsAllowedSubjectsOfTheTypeInDirectoryOrder()
    {
        var request = new SearchRequest
        {
            Subject = new Subject { Type = "user" },
            Action = new AccessAction { Name = "view" },
            Resource = new Resource { Type = "record", Id = "101" },
        };

        var results = await _pdp.SearchSubjectsAsync(request);

        Assert.Equal(["carol", "alice", "dan"], results.Select(s => s.Id));
        Assert.All(results, s => Assert.Equal(("user", null), (s.Type, s.Properties)));
    }

    [Fact]
    public async Task SearchResourcesAsync_ReturnsAllowedResourcesOfTheTypeInDirectoryOrder()
    {
        var request = new SearchRequest
        {
            Subject = new Subject { Type = "user", Id = "alice" },
            Action = new AccessAction { Name = "edit" },
            Resource = new Resource { Type = "record" },
        };

        var results = await _pdp.SearchResourcesAsync(request);

        Assert.Equal(["101", "102"], results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(("record", null), (r.Type, r.Properties)));
    }

    [Fact]
    public async Task SearchActionsAsync_ReturnsAllowedActionsInPolicyOrder()
    {
        var owner = await _pdp.SearchActionsAsync(new SearchRequest
        {
            Subject = new Subject { Type = "user", Id = "alice" },
            Resource = new Resource { Type = "record", Id = "101" },
        });
        var other = await _pdp.SearchActionsAsync(new SearchRequest
        {
            Subject = new Subject { Type = "user", Id = "alice" },
            Resource = new Resource { Type = "record", Id = "103" },
        });

        Assert.Equal(["view", "edit"], owner.Select(a => a.Name));
        Assert.Equal(["view"], other.Select(a => a.Name));
    }

    [Fact]
    public async Task Searches_UnknownTypeOrMissingAction_FindNothing()
    {
        var unknown = await _pdp.SearchSubjectsAsync(new SearchRequest
        {
            Subject = new Subject { Type = "alien" },
            Action = new AccessAction { Name = "view" },
            Resource = new Resource { Type = "record", Id = "101" },
        });
        var noAction = await _pdp.SearchResourcesAsync(new SearchRequest
        {
            Subject = new Subject { Type = "user", Id = "alice" },
            Resource = new Resource { Type = "record" },
        });

        Assert.Empty(unknown);
        Assert.Empty(noAction);
    }

    [Fact]
    public async Task Replace_NewSnapshot_AnswersFromItAtOnce()
    {
        Assert.False((await _pdp.EvaluateAsync(Request("carol", "edit", "101"))).Decision);

        _pdp.Replace(new PdpSnapshot(Policies(RecordPolicy.Replace("roles: [editor]", "roles: [viewer]", StringComparison.Ordinal)
            .Replace("R.attr.owner == P.id", "true", StringComparison.Ordinal)), People));

        Assert.True((await _pdp.EvaluateAsync(Request("carol", "edit", "101"))).Decision);
    }

    private static EvaluationRequest Request(string subject, string action, string resource) => new()
    {
        Subject = new Subject { Type = "user", Id = subject },
        Action = new AccessAction { Name = action },
        Resource = new Resource { Type = "record", Id = resource },
    };

    private static PolicySet Policies(string yaml)
    {
        var result = PolicySet.LoadFromFiles([("record.yaml", yaml)]);
        return result.Policies ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    }

    private static Cel.Values.CelMap Props(string json) => CelJson.Parse(json).AsMap;

    private static string Text(JsonElement? element) => element is { } e ? JsonSerializer.Serialize(e) : "(none)";
}
