using Portcullis.Pdp.Policies;

namespace Portcullis.Pdp.Tests.Policies;

public sealed class PolicySetDiagnosticsTests
{
    private const string Header = "apiVersion: api.cerbos.dev/v1\n";

    public static TheoryData<string, string, int, string> BadPolicies() => new()
    {
        { "unknown key", Header + "resourcePolicy:\n  resource: doc\n  rulez: []\n", 4, "unknown field 'rulez'" },
        { "wrong type", Header + "resourcePolicy:\n  resource: doc\n  rules: yes\n", 4, "rules must be a list" },
        { "missing resource", Header + "resourcePolicy:\n  rules: []\n", 3, "missing field 'resource'" },
        { "missing actions", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - effect: EFFECT_ALLOW\n      roles: [a]\n", 5, "missing field 'actions'" },
        { "missing effect", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      roles: [a]\n", 5, "missing field 'effect'" },
        { "bad effect", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      roles: [a]\n      effect: ALLOW\n", 7, "effect must be EFFECT_ALLOW or EFFECT_DENY" },
        { "no roles", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      effect: EFFECT_ALLOW\n", 5, "needs 'roles' or 'derivedRoles'" },
        { "unknown derived roles import", Header + "resourcePolicy:\n  resource: doc\n  importDerivedRoles: [nope]\n  rules: []\n", 4, "no derivedRoles policy has that name" },
        { "unknown derived role", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      effect: EFFECT_ALLOW\n      derivedRoles: [owner]\n", 7, "derived role 'owner' is not defined" },
        { "cel syntax error", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      effect: EFFECT_ALLOW\n      roles: [a]\n      condition:\n        match:\n          expr: R.attr.a ==\n", 10, "invalid expression (at 1:" },
        { "cel error in a block scalar", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      effect: EFFECT_ALLOW\n      roles: [a]\n      condition:\n        match:\n          expr: |\n            R.attr.a == 1 &&\n            nosuchfn(2)\n", 12, "at 2:" },
        { "unknown variable", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      effect: EFFECT_ALLOW\n      roles: [a]\n      condition:\n        match:\n          expr: V.missing\n", 10, "undefined variable 'missing'" },
        { "unknown identifier", Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      effect: EFFECT_ALLOW\n      roles: [a]\n      condition:\n        match:\n          expr: resource.attr.x == 1\n", 10, "undeclared reference to 'resource'" },
        { "variable cycle", Header + "resourcePolicy:\n  resource: doc\n  variables:\n    local:\n      a: V.b\n      b: V.a\n  rules: []\n", 6, "depends on itself" },
        { "unknown variables import", Header + "resourcePolicy:\n  resource: doc\n  variables:\n    import: [nope]\n  rules: []\n", 5, "no exportVariables policy has that name" },
        { "missing api version", "resourcePolicy:\n  resource: doc\n  rules: []\n", 1, "missing field 'apiVersion'" },
        { "invalid yaml", Header + "resourcePolicy:\n  resource: [doc\n", 4, "invalid YAML" },
        { "unclosed flow sequence before more keys", Header + "resourcePolicy:\n  resource: [doc\n  version: default\n", 4, "invalid YAML" },
        { "scoped policy", Header + "resourcePolicy:\n  resource: doc\n  scope: acme\n  rules: []\n", 4, "scoped policies are not supported" },
        { "schemas", Header + "resourcePolicy:\n  resource: doc\n  schemas: {}\n  rules: []\n", 4, "schemas are not supported" },
        { "two policies in one document", Header + "resourcePolicy:\n  resource: doc\n  rules: []\nderivedRoles:\n  name: x\n  definitions: []\n", 5, "only one policy" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void LoadFromFiles_BadPolicy_ReportsProblemWithLine(string scenario, string text, int line, string message)
    {
        var result = PolicySet.LoadFromFiles([("bad.yaml", text)]);

        Assert.Null(result.Policies);
        Assert.True(result.Diagnostics.Any(d => d.File == "bad.yaml" && d.Line == line && d.Message.Contains(message, StringComparison.Ordinal)),
            string.Join(Environment.NewLine, result.Diagnostics));
        Assert.False(string.IsNullOrEmpty(scenario));
    }

    [Fact]
    public void LoadFromFiles_DuplicatePolicy_ReportsSecondWithFirstLocation()
    {
        var policy = Header + "resourcePolicy:\n  resource: doc\n  rules: []\n";

        var result = PolicySet.LoadFromFiles([("a.yaml", policy), ("b.yaml", policy)]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("b.yaml", diagnostic.File);
        Assert.Contains("defined more than once (also at a.yaml:3)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromFiles_ManyProblems_ReportsEveryOneInLineOrder()
    {
        var text = Header + "resourcePolicy:\n  resource: doc\n  bogus: 1\n  rules:\n    - actions: [view]\n      effect: MAYBE\n      roles: [a]\n";

        var result = PolicySet.LoadFromFiles([("bad.yaml", text)]);

        Assert.Equal([4, 7], result.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void LoadFromDirectory_SkipsSchemasTestdataAndOtherFiles()
    {
        var root = Directory.CreateTempSubdirectory("pdp-policies-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "doc.yaml"), Header + "resourcePolicy:\n  resource: doc\n  rules: []\n---\n" + Header + "resourcePolicy:\n  resource: photo\n  rules: []\n");
            File.WriteAllText(Path.Combine(root.FullName, "README.md"), "not a policy");
            Directory.CreateDirectory(Path.Combine(root.FullName, "_schemas"));
            File.WriteAllText(Path.Combine(root.FullName, "_schemas", "s.json"), "{\"type\": \"object\"}");
            Directory.CreateDirectory(Path.Combine(root.FullName, "testdata"));
            File.WriteAllText(Path.Combine(root.FullName, "testdata", "t.yaml"), "principals: {}");

            var result = PolicySet.LoadFromDirectory(root.FullName);

            Assert.Empty(result.Diagnostics);
            Assert.Equal(2, result.Policies!.PolicyCount);
            Assert.Equal(["doc", "photo"], result.Policies.ResourceKinds);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void ActionsFor_Kind_ListsLiteralActionsInOrder()
    {
        var text = Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view, edit]\n      effect: EFFECT_ALLOW\n      roles: [a]\n    - actions: ['*', 'report:*', view, delete]\n      effect: EFFECT_ALLOW\n      roles: [b]\n";

        var policies = PolicySet.LoadFromFiles([("p.yaml", text)]).Policies!;

        Assert.Equal(["view", "edit", "delete"], policies.ActionsFor("doc"));
        Assert.Empty(policies.ActionsFor("photo"));
    }

    [Fact]
    public void LoadFromFiles_CelError_PointsAtTheFileColumnOfTheProblem()
    {
        var text = Header + "resourcePolicy:\n  resource: doc\n  rules:\n    - actions: [view]\n      effect: EFFECT_ALLOW\n      roles: [a]\n      condition:\n        match:\n          expr: \"R.attr.a == 1 && resource.x\"\n";

        var diagnostic = Assert.Single(PolicySet.LoadFromFiles([("bad.yaml", text)]).Diagnostics);

        Assert.Equal((10, 35), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("bad.yaml:10:35: invalid expression (at 1:18 of the expression): undeclared reference to 'resource'", diagnostic.ToString());
    }
}
