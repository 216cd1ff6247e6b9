using System.Text.Json;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Tests.Mapping;

public class AuthZenRequestBuilderTests
{
    private static readonly CallerClaims InteropUser = CallerClaims.FromJson("""{"sub":"CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs"}""");

    public static TheoryData<string, string, string> InteropCases()
    {
        var data = new TheoryData<string, string, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SharedInterop, "api-gateway", "decisions.json")));
        foreach (var item in document.RootElement.GetProperty("evaluation").EnumerateArray())
        {
            var request = item.GetProperty("request");
            data.Add(request.GetProperty("subject").GetProperty("id").GetString()!,
                request.GetProperty("action").GetProperty("name").GetString()!,
                request.GetProperty("resource").GetProperty("id").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(InteropCases))]
    public void Build_DefaultConfig_MatchesTheApiGatewayInteropRequest(string sub, string method, string route)
    {
        var facts = MappingTestData.DeleteTodo with { Method = method.ToLowerInvariant(), RouteTemplate = route };
        var caller = CallerClaims.FromJson($$"""{"sub":"{{sub}}"}""");

        var request = AuthZenRequestBuilder.Build(AuthZenMappingConfig.Default, caller, facts).Request!;

        Assert.Equal(("identity", sub), (request.Subject!.Type, request.Subject.Id));
        Assert.Equal(("route", route), (request.Resource!.Type, request.Resource.Id));
        Assert.Equal(method, request.Action!.Name);
        Assert.Null(request.Subject.Properties);
        Assert.Null(request.Resource.Properties);
    }

    [Fact]
    public void Build_DeleteTodo_GivesProfileRequestWithContext()
    {
        var result = AuthZenRequestBuilder.Build(AuthZenMappingConfig.Default, InteropUser, MappingTestData.DeleteTodo);

        Assert.True(result.Succeeded);
        Assert.Equal("/todos/{todoId}", result.Request.Resource!.Id);
        Assert.Equal("DELETE", result.Request.Action!.Name);
        Assert.Equal("""{"ip":"203.0.113.7","time":"2025-03-04T03:06:07.089Z","request_id":"req-1"}""", MappingTestData.Json(result.Request.Context));
    }

    [Fact]
    public void Build_SeedBlockWithCerbos_MapsClaimsAndFillsCerbosRoles()
    {
        var config = MappingTestData.ParseJson(MappingTestData.SeedBlockJson);

        var request = AuthZenRequestBuilder.Build(config, MappingTestData.Alice, MappingTestData.DeleteTodo).Request!;

        Assert.Equal(("user", "alice"), (request.Subject!.Type, request.Subject.Id));
        Assert.Equal("""{"roles":["admin","viewer"],"tenant":"acme","cerbos.roles":["admin","viewer"]}""", MappingTestData.Json(request.Subject.Properties));
        Assert.Equal(("route", "/todos/{todoId}"), (request.Resource!.Type, request.Resource.Id));
        Assert.Equal("delete", request.Action!.Name);
    }

    [Fact]
    public void Build_CerbosWithSingleStringRole_WrapsItInAList()
    {
        var config = MappingTestData.ParseJson("""{"pdp":{"platform":"cerbos"},"subject":{"properties":[{"key":"roles","claim":"acr"}]}}""");

        var request = AuthZenRequestBuilder.Build(config, MappingTestData.Alice, MappingTestData.DeleteTodo).Request!;

        Assert.Equal("""{"roles":"phr","cerbos.roles":["phr"]}""", MappingTestData.Json(request.Subject!.Properties));
    }

    [Fact]
    public void Build_EveryValueKind_WritesItsValue()
    {
        var config = MappingTestData.ParseJson("""
            {"subject":{"properties":[
              {"key":"literal","value":"text"},
              {"key":"number","value":7},
              {"key":"object","value":{"a":[1,true]}},
              {"key":"nested","value":"claim::realm_access.roles"},
              {"key":"first_amr","value":"claim::amr.0"},
              {"key":"missing","value":"claim::realm_access.groups"},
              {"key":"dollar","value":"$$5"},
              {"key":"expr","value":"$token.organization + ':' + request.params.todoId"},
              {"key":"optional_missing","value":"$token.?department"},
              {"key":"optional_present","value":"$token.?organization"},
              {"key":"header","value":"$request.headers['x-tenant-hint']"},
              {"key":"query","value":"$request.query.a"},
              {"key":"phishing_resistant","value":"$'hwk' in token.amr && token.acr == 'phr'"}
            ]}}
            """);

        var request = AuthZenRequestBuilder.Build(config, MappingTestData.Alice, MappingTestData.DeleteTodo).Request!;

        Assert.Equal(
            """{"literal":"text","number":7,"object":{"a":[1,true]},"nested":["admin","viewer"],"first_amr":"hwk","dollar":"$5","expr":"acme:42","optional_present":"acme","header":"acme","query":["1","3"],"phishing_resistant":true}""",
            MappingTestData.Json(request.Subject!.Properties));
    }

    [Theory]
    [InlineData("$has(request.headers.authorization)")]
    [InlineData("$has(request.headers.cookie)")]
    public void Build_CredentialHeaders_AreNotVisibleToExpressions(string expression)
    {
        var facts = MappingTestData.DeleteTodo with
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer secret", ["cookie"] = "s=1", ["accept"] = "*/*" },
        };
        var config = MappingTestData.ParseJson("""{"action":{"properties":{"seen":""" + JsonSerializer.Serialize(expression) + "}}}");

        var request = AuthZenRequestBuilder.Build(config, MappingTestData.Alice, facts).Request!;

        Assert.Equal("""{"seen":false}""", MappingTestData.Json(request.Action!.Properties));
    }

    [Fact]
    public void Build_IncludedResourceProperties_FollowConfiguredOnesInFixedOrder()
    {
        var config = MappingTestData.ParseJson("""{"resource":{"include":["query","host","params"],"properties":{"owner":"claim::sub"}}}""");

        var request = AuthZenRequestBuilder.Build(config, MappingTestData.Alice, MappingTestData.DeleteTodo).Request!;

        Assert.Equal("""{"owner":"f1d2","params":{"todoId":"42"},"host":"api.example.com","query":{"a":["1","3"],"b":["2"]}}""",
            MappingTestData.Json(request.Resource!.Properties));
    }

    [Fact]
    public void Build_ConfiguredContext_FollowsTheGatewayContext()
    {
        var config = MappingTestData.ParseJson("""{"context":[{"key":"client","value":"claim::azp"}]}""");

        var request = AuthZenRequestBuilder.Build(config, MappingTestData.Alice, MappingTestData.DeleteTodo with { ClientIp = null }).Request!;

        Assert.Equal("""{"time":"2025-03-04T03:06:07.089Z","request_id":"req-1","client":"web"}""", MappingTestData.Json(request.Context));
    }

    [Fact]
    public void Build_NumericClaimAsId_IsWrittenInDecimal()
    {
        var config = MappingTestData.ParseJson("""{"subject":{"id":"claim::level"}}""");

        Assert.Equal("3", AuthZenRequestBuilder.Build(config, MappingTestData.Alice, MappingTestData.DeleteTodo).Request!.Subject!.Id);
    }

    [Theory]
    [InlineData("""{"subject":{"id":"claim::email"}}""", "subject.id", "gave no value")]
    [InlineData("""{"subject":{"id":"claim::realm_access"}}""", "subject.id", "is not a non-empty string")]
    [InlineData("""{"subject":{"id":"$token.email"}}""", "subject.id", "failed")]
    [InlineData("""{"resource":{"properties":{"x":"$1 / 0"}}}""", "resource.properties.x", "failed")]
    [InlineData("""{"action":{"name":"$request.nope"}}""", "action.name", "failed")]
    public void Build_MappingFailsAtRequestTime_ReturnsFailureNotException(string json, string path, string message)
    {
        var config = MappingTestData.ParseJson(json);

        var result = AuthZenRequestBuilder.Build(config, MappingTestData.Alice, MappingTestData.DeleteTodo);

        Assert.False(result.Succeeded);
        Assert.Equal(path, result.Failure.Path);
        Assert.Contains(message, result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TokenWithoutSub_FailsForTheDefaultSubject()
    {
        var result = AuthZenRequestBuilder.Build(AuthZenMappingConfig.Default, CallerClaims.Anonymous, MappingTestData.DeleteTodo);

        Assert.Equal("subject.id: the token has no 'sub' claim", result.Failure!.ToString());
    }

    [Fact]
    public void Build_FailureMessage_NeverCarriesClaimValues()
    {
        var config = MappingTestData.ParseJson("""{"subject":{"id":"claim::realm_access.roles"}}""");

        var failure = AuthZenRequestBuilder.Build(config, MappingTestData.Alice, MappingTestData.DeleteTodo).Failure!;

        Assert.DoesNotContain("admin", failure.Message, StringComparison.Ordinal);
    }
}
