using System.Globalization;
using System.Text.Json.Nodes;

namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>Generates seeded AuthZEN evaluations batches over the policy set in <c>samples/differential/policies</c>:
/// principals with random role sets (sometimes none, so the subject type is the role) and attributes that are often
/// missing or of the wrong type, resources of every policed kind plus an unpoliced one, and actions that rules name,
/// that only wildcards match, or that nothing matches.</summary>
/// <remarks>Within one batch a subject id (and a resource type and id) always carries the same properties: Cerbos
/// groups a batch's evaluations by subject id and by resource and evaluates each group with its first member's
/// properties (internal/svc/authzen_svc.go, AccessEvaluationBatch), which AuthZEN does not require. Subjects never
/// carry a plain <c>roles</c> property: Portcullis reads one as the roles when <c>cerbos.roles</c> is absent (issue 3's
/// mapping), while Cerbos only reads <c>cerbos.roles</c> and falls back to the subject type.</remarks>
internal sealed class AuthZenRequestGenerator(int seed)
{
    private static readonly string[] PrincipalIds = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];
    // Weighted: the roles most rules name come up more often.
    private static readonly string[] Roles = ["admin", "manager", "manager", "employee", "employee", "employee", "contractor", "auditor", "guest", "service", "intern"];
    private static readonly string[] Departments = ["sales", "eng", "finance"];
    private static readonly string[] Regions = ["eu", "us", "apac"];

    // The first three actions of each kind are the ones most rules grant; they are drawn more often so that the run
    // has a useful share of permits.
    private static readonly Dictionary<string, string[]> ActionsByKind = new(StringComparer.Ordinal)
    {
        ["document"] = ["view", "view:metadata", "comment", "view:content", "view:content:raw", "view:history", "view:*", "edit", "delete", "share", "archive"],
        ["project"] = ["view", "task:create", "edit", "archive", "task:delete", "task:view:details", "member:add", "member:remove", "member:list", "delete"],
        ["invoice"] = ["view", "approve", "export:csv", "edit", "reject", "export:pdf", "export", "pay", "delete"],
        ["report"] = ["read", "download:pdf", "generate", "download:raw", "download", "delete"],
        ["widget"] = ["view", "edit", "delete"],
    };

    private static readonly string[] OddActions = ["VIEW", "*", "view:", ":view", "approve:all", "read:*:x"];

    private readonly Random _random = new(seed);

    /// <summary>Generates <paramref name="batches"/> batches of <paramref name="batchSize"/> evaluations.</summary>
    public IReadOnlyList<GeneratedBatch> Generate(int batches, int batchSize)
    {
        var list = new List<GeneratedBatch>(batches);
        for (var b = 0; b < batches; b++) list.Add(NextBatch(batchSize));
        return list;
    }

    private GeneratedBatch NextBatch(int size)
    {
        var subjectIds = PrincipalIds.OrderBy(_ => _random.Next()).Take(5).ToList();
        var subjects = subjectIds.Select(NextSubject).ToList();
        var resources = new List<JsonObject>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        while (resources.Count < 12)
        {
            var resource = NextResource(subjectIds);
            if (usedIds.Add($"{resource["type"]}/{resource["id"]}")) resources.Add(resource);
        }

        var defaultSubject = Chance(0.3) ? Pick(subjects) : null;
        var body = new JsonObject();
        if (defaultSubject is not null) body["subject"] = defaultSubject.DeepClone();
        if (Chance(0.2)) body["context"] = new JsonObject { ["channel"] = "web" };
        var evaluations = new JsonArray();
        var items = new List<JsonObject>(size);
        for (var n = 0; n < size; n++)
        {
            var subject = defaultSubject is not null && Chance(0.8) ? null : Pick(subjects);
            var resource = Pick(resources);
            var action = new JsonObject { ["name"] = NextAction((string)resource["type"]!) };
            var evaluation = new JsonObject();
            if (subject is not null) evaluation["subject"] = subject.DeepClone();
            evaluation["resource"] = resource.DeepClone();
            evaluation["action"] = action.DeepClone();
            if (Chance(0.1)) evaluation["context"] = new JsonObject { ["ip"] = "10.0.0." + _random.Next(255).ToString(CultureInfo.InvariantCulture) };
            evaluations.Add(evaluation);

            items.Add(new JsonObject
            {
                ["subject"] = (subject ?? defaultSubject)!.DeepClone(),
                ["resource"] = resource.DeepClone(),
                ["action"] = action,
            });
        }
        body["evaluations"] = evaluations;
        return new GeneratedBatch(body, items);
    }

    private JsonObject NextSubject(string id)
    {
        var properties = new JsonObject();
        if (Chance(0.85))
        {
            // Sometimes an empty list: Cerbos then falls back to the subject type as the only role.
            var roles = new JsonArray();
            var count = Chance(0.1) ? 0 : _random.Next(1, 4);
            foreach (var role in Roles.OrderBy(_ => _random.Next()).Distinct(StringComparer.Ordinal).Take(count)) roles.Add(role);
            properties["cerbos.roles"] = roles;
        }
        Maybe(properties, "department", 0.8, () => Pick(Departments));
        Maybe(properties, "clearance", 0.7, () => Chance(0.9) ? JsonValue.Create(_random.Next(0, 6)) : JsonValue.Create("3"));
        Maybe(properties, "departments", 0.3, () => Chance(0.5) ? new JsonArray("all") : new JsonArray(Pick(Departments)));
        Maybe(properties, "approval_limit", 0.4, () => Chance(0.8) ? JsonValue.Create(_random.Next(0, 4) * 5000) : JsonValue.Create(7500.5));
        Maybe(properties, "active", 0.5, () => Chance(0.7));
        Maybe(properties, "regions", 0.6, () => new JsonArray(Regions.Where(_ => Chance(0.5)).Select(r => (JsonNode)r).ToArray()));
        return new JsonObject
        {
            ["type"] = Chance(0.85) ? "user" : "service",
            ["id"] = id,
            ["properties"] = properties,
        };
    }

    private JsonObject NextResource(IReadOnlyList<string> subjectIds)
    {
        var roll = _random.NextDouble();
        var kind = roll switch
        {
            < 0.30 => "document",
            < 0.55 => "project",
            < 0.80 => "invoice",
            < 0.95 => "report",
            _ => "widget",
        };
        var properties = new JsonObject();
        switch (kind)
        {
            case "document":
                Maybe(properties, "owner", 0.85, () => NextPrincipalId(subjectIds));
                Maybe(properties, "department", 0.8, () => Pick(Departments));
                Maybe(properties, "status", 0.9, () => Pick(["draft", "published", "archived", "deleted"]));
                Maybe(properties, "public", 0.8, () => Chance(0.9) ? JsonValue.Create(Chance(0.5)) : JsonValue.Create("true"));
                Maybe(properties, "classification", 0.8, () => JsonValue.Create(_random.Next(0, 6)));
                break;
            case "project":
                Maybe(properties, "members", 0.8, () => new JsonArray(PrincipalIds.Where(p => Chance(subjectIds.Contains(p) ? 0.5 : 0.2)).Select(p => (JsonNode)p).ToArray()));
                Maybe(properties, "department", 0.8, () => Pick(Departments));
                Maybe(properties, "confidential", 0.7, () => Chance(0.4));
                Maybe(properties, "status", 0.7, () => Pick(["active", "deleted"]));
                Maybe(properties, "locked", 0.6, () => Chance(0.5));
                break;
            case "invoice":
                Maybe(properties, "status", 0.9, () => Pick(["draft", "pending", "paid", "void"]));
                Maybe(properties, "amount", 0.85, () => Chance(0.8) ? JsonValue.Create(_random.Next(0, 200) * 100) : JsonValue.Create(_random.Next(0, 20000) + 0.25));
                Maybe(properties, "submitter", 0.8, () => NextPrincipalId(subjectIds));
                Maybe(properties, "owner", 0.8, () => NextPrincipalId(subjectIds));
                break;
            case "report":
                Maybe(properties, "tags", 0.8, () => new JsonArray(new[] { "public", "finance", "internal", "q1" }.Where(_ => Chance(0.5)).Select(t => (JsonNode)t).ToArray()));
                Maybe(properties, "published_at", 0.8, () => Chance(0.9)
                    ? $"{_random.Next(2022, 2027)}-0{_random.Next(1, 10)}-1{_random.Next(0, 10)}T12:00:00Z"
                    : "not-a-date");
                Maybe(properties, "region", 0.8, () => Pick(Regions));
                break;
            default:
                Maybe(properties, "owner", 0.5, () => NextPrincipalId(subjectIds));
                break;
        }
        var id = kind[..3] + "-" + _random.Next(1, 7).ToString(CultureInfo.InvariantCulture);
        var resource = new JsonObject { ["type"] = kind, ["id"] = id };
        if (properties.Count > 0 || Chance(0.5)) resource["properties"] = properties;
        return resource;
    }

    private string NextAction(string kind)
    {
        if (Chance(0.06)) return Pick(OddActions);
        var actions = ActionsByKind[kind];
        return Chance(0.4) ? actions[_random.Next(3)] : Pick(actions);
    }

    // Mostly one of the batch's own subjects, so that ownership conditions hold often enough to matter.
    private string NextPrincipalId(IReadOnlyList<string> subjectIds) => _random.NextDouble() switch
    {
        < 0.6 => Pick(subjectIds),
        < 0.9 => Pick(PrincipalIds),
        _ => "mallory",
    };

    private void Maybe(JsonObject target, string name, double probability, Func<JsonNode?> value)
    {
        if (Chance(probability)) target[name] = value();
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
