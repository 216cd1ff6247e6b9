using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Portcullis.AuthZen.Model;
using Portcullis.AuthZen.Protocol;

namespace Portcullis.AuthZen.Tests;

public sealed class AuthZenJsonContextTests
{
    private static readonly AuthZenJsonContext Context = AuthZenJsonContext.Default;

    public static TheoryData<string, string> WireTypes => new()
    {
        { nameof(Subject), """{"type":"user","id":"alice","properties":{"department":"Sales","tags":[1,"a",null]}}""" },
        { nameof(Resource), """{"type":"doc","id":"1","properties":{"owner":"alice"}}""" },
        { nameof(AccessAction), """{"name":"can_read","properties":{"method":"GET"}}""" },
        { nameof(EvaluationRequest), """{"subject":{"type":"user","id":"a"},"action":{"name":"r"},"resource":{"type":"d","id":"1"},"context":{"time":"t"},"options":{"reasons":true}}""" },
        { nameof(EvaluationItem), """{"subject":{"type":"user","id":"a"},"action":{"name":"r"},"resource":{"type":"d","id":"1"},"context":{"x":1}}""" },
        { nameof(EvaluationsRequest), """{"subject":{"type":"user","id":"a"},"action":{"name":"r"},"context":{},"evaluations":[{"resource":{"type":"d","id":"1"}},{}],"options":{"evaluations_semantic":"deny_on_first_deny"}}""" },
        { nameof(EvaluationOptions), """{"evaluations_semantic":"execute_all","reasons":false}""" },
        { nameof(EvaluationResponse), """{"decision":false,"context":{"reason":"r"}}""" },
        { nameof(EvaluationsResponse), """{"evaluations":[{"decision":true},{"decision":false,"context":{"error":{"status":400,"message":"m"}}}]}""" },
        { nameof(SearchRequest), """{"subject":{"type":"user"},"action":{"name":"r"},"resource":{"type":"d","id":"1"},"context":{"a":1},"page":{"token":"t","limit":5},"options":{"reasons":true}}""" },
        { "SearchResponse<Subject>", """{"page":{"next_token":"n","count":1,"total":3},"results":[{"type":"user","id":"a"}],"context":{"ms":4}}""" },
        { "SearchResponse<Resource>", """{"page":{"next_token":""},"results":[{"type":"doc","id":"1"}]}""" },
        { "SearchResponse<AccessAction>", """{"results":[{"name":"read"}]}""" },
        { nameof(PageRequest), """{"token":"abc","limit":0}""" },
        { nameof(PageResponse), """{"next_token":"","count":0,"total":0}""" },
        { nameof(PdpMetadata), """{"policy_decision_point":"https://pdp","access_evaluation_endpoint":"https://pdp/access/v1/evaluation","access_evaluations_endpoint":"https://pdp/e","search_subject_endpoint":"https://pdp/s","search_resource_endpoint":"https://pdp/r","search_action_endpoint":"https://pdp/a"}""" },
        { nameof(AuthZenError), """{"status":400,"message":"subject.id is required"}""" },
        { nameof(AuthZenErrorBody), """{"error":{"status":500,"message":"internal error"}}""" },
    };

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void RoundTrip_EveryWireType_SameJson(string type, string json)
    {
        var typeInfo = TypeInfo(type);

        var value = JsonSerializer.Deserialize(json, typeInfo);
        var written = JsonSerializer.Serialize(value, typeInfo);

        Assert.Equal(json, written);
    }

    [Fact]
    public void Serialize_NullMembers_Omitted()
    {
        var json = JsonSerializer.Serialize(new EvaluationRequest { Subject = new Subject { Type = "user" } }, Context.EvaluationRequest);

        Assert.Equal("""{"subject":{"type":"user"}}""", json);
    }

    [Fact]
    public void Deserialize_UnknownMembers_Ignored()
    {
        var subject = JsonSerializer.Deserialize("""{"type":"user","id":"a","nickname":"al","nested":{"x":[1]}}""", Context.Subject);

        Assert.Equal(new Subject { Type = "user", Id = "a" }, subject);
    }

    [Fact]
    public void Deserialize_NamesDifferingInCase_NotMatched()
    {
        var subject = JsonSerializer.Deserialize("""{"Type":"user","ID":"a"}""", Context.Subject);

        Assert.Null(subject!.Type);
        Assert.Null(subject.Id);
    }

    private static JsonTypeInfo TypeInfo(string type) => type switch
    {
        "SearchResponse<Subject>" => Context.SearchResponseSubject,
        "SearchResponse<Resource>" => Context.SearchResponseResource,
        "SearchResponse<AccessAction>" => Context.SearchResponseAccessAction,
        _ => Context.GetTypeInfo(typeof(Subject).Assembly.GetType($"Portcullis.AuthZen.Model.{type}")
            ?? typeof(AuthZenError).Assembly.GetType($"Portcullis.AuthZen.Protocol.{type}")!)!,
    };
}
