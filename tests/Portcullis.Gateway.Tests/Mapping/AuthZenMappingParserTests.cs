using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Tests.Mapping;

public class AuthZenMappingParserTests
{
    [Fact]
    public void ParseJson_SeedBlock_ReadsEveryPart()
    {
        var config = MappingTestData.ParseJson(MappingTestData.SeedBlockJson);

        Assert.Equal(new Uri("http://cerbos:3593"), config.Pdp.Host);
        Assert.Equal(PdpPlatform.Cerbos, config.Pdp.Platform);
        Assert.Equal("\"user\"", MappingTestData.Json(config.Subject.Type!.Literal));
        Assert.Equal(MappingValueKind.Claim, config.Subject.Id!.Kind);
        Assert.Equal(["preferred_username"], config.Subject.Id.ClaimPath);
        Assert.Equal(["roles", "tenant"], config.Subject.Properties.Select(p => p.Key));
        Assert.Equal(["realm_access", "roles"], config.Subject.Properties[0].Value.ClaimPath);
        Assert.Equal(MappingValueKind.Expression, config.Action.Name!.Kind);
    }

    [Fact]
    public void ParseYaml_SeedBlock_EqualsJsonParse()
    {
        var fromYaml = AuthZenMappingParser.ParseYaml(MappingTestData.SeedBlockYaml);
        var fromJson = MappingTestData.ParseJson(MappingTestData.SeedBlockJson);

        Assert.True(fromYaml.Succeeded, string.Join(Environment.NewLine, fromYaml.Problems));
        var request = AuthZenRequestBuilder.Build(fromYaml.Config!, MappingTestData.Alice, MappingTestData.DeleteTodo);
        var expected = AuthZenRequestBuilder.Build(fromJson, MappingTestData.Alice, MappingTestData.DeleteTodo);
        Assert.Equal(CanonicalRequestKey.CanonicalJson(expected.Request!), CanonicalRequestKey.CanonicalJson(request.Request!));
    }

    [Fact]
    public void ParseJson_EmptyBlock_IsTheProfileDefault()
    {
        var config = MappingTestData.ParseJson("{}");

        Assert.True(config.Pdp.IsEmbedded);
        Assert.Null(config.Subject.Id);
        Assert.Null(config.Resource.Id);
        Assert.Null(config.Action.Name);
    }

    [Theory]
    [InlineData("""{"subject":{"id":"claim:sub"}}""", "routes.docs.authzen.subject.id: unknown claim syntax")]
    [InlineData("""{"subject":{"id":"claim::a..b"}}""", "routes.docs.authzen.subject.id: unknown claim syntax")]
    [InlineData("""{"subject":{"id":"$token.sub +"}}""", "routes.docs.authzen.subject.id: invalid expression: 1:")]
    [InlineData("""{"subject":{"id":"$"}}""", "routes.docs.authzen.subject.id: empty expression")]
    [InlineData("""{"subject":{"id":42}}""", "routes.docs.authzen.subject.id: must be a string")]
    [InlineData("""{"subjet":{}}""", "routes.docs.authzen.subjet: unknown key")]
    [InlineData("""{"pdp":{"host":"cerbos:3593x"}}""", "routes.docs.authzen.pdp.host: must be an absolute http(s) address")]
    [InlineData("""{"pdp":{"host":"http://fga:8080","platform":"openfga"}}""", "routes.docs.authzen.pdp.store_id: platform openfga needs an explicit store_id")]
    [InlineData("""{"pdp":{"platform":"opa"}}""", "routes.docs.authzen.pdp.platform: unknown platform")]
    [InlineData("""{"subject":{"properties":[{"key":"a","claim":"x"},{"key":"a","value":1}]}}""", "routes.docs.authzen.subject.properties[1].key: duplicate property")]
    [InlineData("""{"subject":{"properties":[{"claim":"x"}]}}""", "routes.docs.authzen.subject.properties[0].key: is required")]
    [InlineData("""{"subject":{"properties":[{"key":"a"}]}}""", "routes.docs.authzen.subject.properties[0]: needs claim or value")]
    [InlineData("""{"pdp":{"host":"http://c:3593","platform":"cerbos"},"subject":{"properties":{"cerbos.roles":"x"}}}""", "routes.docs.authzen.subject.properties.cerbos.roles: property \"cerbos.roles\" is filled by the gateway")]
    [InlineData("""{"resource":{"include":["params","path"]}}""", "routes.docs.authzen.resource.include[1]: unknown include")]
    [InlineData("""{"context":{"time":"x"}}""", "routes.docs.authzen.context.time: property \"time\" is filled by the gateway")]
    [InlineData("""{"pdp":{"host":"http://c:3593","timeout_ms":0}}""", "routes.docs.authzen.pdp.timeout_ms: must be a whole number of milliseconds")]
    [InlineData("""{"pdp":{"host":"http://c:3593","timeout_ms":"250"}}""", "routes.docs.authzen.pdp.timeout_ms: must be a whole number of milliseconds")]
    [InlineData("""{"pdp":{"host":"http://c:3593","timeout_ms":1.5}}""", "routes.docs.authzen.pdp.timeout_ms: must be a whole number of milliseconds")]
    [InlineData("""{"pdp":{"timeout_ms":250}}""", "routes.docs.authzen.pdp.timeout_ms: timeout_ms applies only to a remote PDP")]
    public void ParseJson_BadBlock_ReportsProblemWithPath(string json, string expectedStart)
    {
        var result = AuthZenMappingParser.ParseJson(json, "routes.docs.authzen");

        Assert.False(result.Succeeded);
        Assert.Null(result.Config);
        Assert.Contains(result.Problems, p => p.ToString().StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseJson_RemotePdpTimeout_IsReadInMilliseconds()
    {
        var config = MappingTestData.ParseJson("""{"pdp":{"host":"http://cerbos:3593","timeout_ms":250}}""");

        Assert.Equal(TimeSpan.FromMilliseconds(250), config.Pdp.Timeout);
        Assert.Null(MappingTestData.ParseJson("""{"pdp":{"host":"http://cerbos:3593"}}""").Pdp.Timeout);
    }

    [Fact]
    public void ParseJson_SeveralProblems_ReportsEveryOne()
    {
        var result = AuthZenMappingParser.ParseJson("""{"subject":{"id":"claim:x","type":"$1 +"},"action":{"name":"$)"}}""", "r");

        Assert.Equal(["r.subject.type", "r.subject.id", "r.action.name"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void ParseYaml_Problem_CarriesLineAndColumn()
    {
        const string yaml = """
            subject:
              type: user
              id: claim:preferred_username
            """;

        var problem = Assert.Single(AuthZenMappingParser.ParseYaml(yaml, "routes.docs.authzen").Problems);

        Assert.Equal("routes.docs.authzen.subject.id", problem.Path);
        Assert.Equal(3, problem.Line);
        Assert.Equal(7, problem.Column);
    }

    [Fact]
    public void ParseYaml_QuotedAndPlainScalars_FollowTheCoreSchema()
    {
        const string yaml = """
            subject:
              properties:
                level: 3
                code: "3"
                active: true
                none: ~
            """;
        var config = AuthZenMappingParser.ParseYaml(yaml).Config!;

        Assert.Equal(["3", "\"3\"", "true"], config.Subject.Properties.Take(3).Select(p => MappingTestData.Json(p.Value.Literal)));
    }

    [Fact]
    public void ParseText_DoubleDollar_IsALiteralDollar()
    {
        var config = MappingTestData.ParseJson("""{"action":{"name":"$$price"}}""");

        Assert.Equal(MappingValueKind.Literal, config.Action.Name!.Kind);
        Assert.Equal("\"$price\"", MappingTestData.Json(config.Action.Name.Literal));
    }

    [Fact]
    public void ParseJson_InvalidJson_ReportsOneProblem()
    {
        var result = AuthZenMappingParser.ParseJson("{\"subject\":", "authzen");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("authzen", problem.Path);
        Assert.StartsWith("invalid JSON", problem.Message, StringComparison.Ordinal);
    }
}
