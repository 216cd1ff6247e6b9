using System.Text.Json;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Tests.Mapping;

public class CanonicalRequestKeyTests
{
    private static EvaluationRequest Request(string subjectProperties, string context = """{"ip":"10.0.0.1"}""", string id = "alice") => new()
    {
        Subject = new Subject { Type = "user", Id = id, Properties = JsonDocument.Parse(subjectProperties).RootElement.Clone() },
        Resource = new Resource { Type = "route", Id = "/todos/{todoId}" },
        Action = new AccessAction { Name = "DELETE" },
        Context = JsonDocument.Parse(context).RootElement.Clone(),
    };

    [Fact]
    public void For_SameRequestDifferentPropertyOrder_GivesSameKey()
    {
        var a = Request("""{"roles":["admin"],"tenant":{"id":"acme","tier":1}}""");
        var b = Request("""{"tenant":{"tier":1,"id":"acme"},"roles":["admin"]}""");

        Assert.Equal(CanonicalRequestKey.For(a), CanonicalRequestKey.For(b));
    }

    [Theory]
    [InlineData("""{"roles":["viewer"]}""", """{"ip":"10.0.0.1"}""", "alice")]
    [InlineData("""{"roles":["admin","viewer"]}""", """{"ip":"10.0.0.1"}""", "alice")]
    [InlineData("""{"roles":["admin"]}""", """{"ip":"10.0.0.2"}""", "alice")]
    [InlineData("""{"roles":["admin"]}""", """{"ip":"10.0.0.1"}""", "bob")]
    [InlineData("""{"roles":"admin"}""", """{"ip":"10.0.0.1"}""", "alice")]
    public void For_DifferentRequest_GivesDifferentKey(string properties, string context, string id)
    {
        var baseline = CanonicalRequestKey.For(Request("""{"roles":["admin"]}"""));

        Assert.NotEqual(baseline, CanonicalRequestKey.For(Request(properties, context, id)));
    }

    [Fact]
    public void For_RequestsDifferingOnlyInTimeAndRequestId_ShareAKey()
    {
        var first = AuthZenRequestBuilder.Build(AuthZenMappingConfig.Default, MappingTestData.Alice, MappingTestData.DeleteTodo).Request!;
        var later = AuthZenRequestBuilder.Build(AuthZenMappingConfig.Default, MappingTestData.Alice,
            MappingTestData.DeleteTodo with { Time = MappingTestData.DeleteTodo.Time.AddMinutes(1), RequestId = "req-2" }).Request!;

        Assert.Equal(CanonicalRequestKey.For(first), CanonicalRequestKey.For(later));
    }

    [Fact]
    public void For_DifferentMethodOrRoute_GivesDifferentKey()
    {
        var delete = AuthZenRequestBuilder.Build(AuthZenMappingConfig.Default, MappingTestData.Alice, MappingTestData.DeleteTodo).Request!;
        var put = AuthZenRequestBuilder.Build(AuthZenMappingConfig.Default, MappingTestData.Alice, MappingTestData.DeleteTodo with { Method = "PUT" }).Request!;
        var list = AuthZenRequestBuilder.Build(AuthZenMappingConfig.Default, MappingTestData.Alice, MappingTestData.DeleteTodo with { RouteTemplate = "/todos" }).Request!;

        Assert.Equal(3, new[] { delete, put, list }.Select(CanonicalRequestKey.For).Distinct().Count());
    }

    [Fact]
    public void CanonicalJson_SortsMembersAndDropsVolatileContext()
    {
        var json = CanonicalRequestKey.CanonicalJson(Request("""{"b":1,"a":2}""", """{"time":"t","request_id":"r","ip":"x"}"""));

        Assert.Equal(
            """{"action":{"id":"DELETE","properties":null,"type":null},"context":{"ip":"x"},"options":null,"resource":{"id":"/todos/{todoId}","properties":null,"type":"route"},"subject":{"id":"alice","properties":{"a":2,"b":1},"type":"user"}}""",
            json);
        Assert.Matches("^[0-9a-f]{64}$", CanonicalRequestKey.For(Request("{}")).Value);
    }
}
