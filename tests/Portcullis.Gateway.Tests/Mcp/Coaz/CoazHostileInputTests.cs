using System.Text;
using System.Text.Json;
using Portcullis.Gateway.Mcp.Coaz;
using static Portcullis.Gateway.Tests.Mcp.Coaz.CoazTestData;

namespace Portcullis.Gateway.Tests.Mcp.Coaz;

/// <summary>Hostile mappings and params: each is a mapping error (fail closed), never an exception, a stack overflow
/// or a request for someone else.</summary>
public class CoazHostileInputTests
{
    [Fact]
    public void Map_SubjectIdOfAnotherUser_IsAMappingErrorFlaggedAsMismatch()
    {
        var tools = Tool("t", """{"evaluation":{"subject":{"type":"identity","id":"bob@example.com"},"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}""");

        var result = Call("t", "{}", tools);

        AssertMappingError("subject.id: bob@example.com does not resolve to the token's subject-identity claim 'sub'", result);
        Assert.True(result.SubjectMismatch);
        Assert.DoesNotContain("alice", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$params.arguments.user")]
    [InlineData("$token.client_id")]
    [InlineData("$token.sub + 'x'")]
    [InlineData("$'ALICE@EXAMPLE.COM'")]
    public void Map_SubjectIdFromAnotherSource_IsAMappingErrorFlaggedAsMismatch(string subjectId)
    {
        var tools = Tool("t", """{"evaluation":{"subject":{"id":"SUBJECT"},"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}""".Replace("SUBJECT", subjectId, StringComparison.Ordinal));

        var result = Call("t", """{"user":"bob@example.com"}""", tools);

        Assert.Equal(CoazOutcome.MappingError, result.Outcome);
        Assert.True(result.SubjectMismatch);
    }

    [Fact]
    public void Map_SubjectIdFromParamsEqualToTheToken_IsAccepted()
    {
        var tools = Tool("t", """{"evaluation":{"subject":{"id":"$params.arguments.user"},"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}""");

        Assert.Equal("alice@example.com", Call("t", """{"user":"alice@example.com"}""", tools).Evaluation!.Subject!.Id);
    }

    [Fact]
    public void Map_SubjectIdThatFails_IsAMappingErrorButNotAMismatch()
    {
        var tools = Tool("t", """{"evaluation":{"subject":{"id":"$params.arguments.user"},"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}""");

        var result = Call("t", "{}", tools);

        AssertMappingError("subject.id", result);
        Assert.False(result.SubjectMismatch);
    }

    [Fact]
    public void Map_PerEntrySubject_IsAMappingError()
    {
        var tools = Tool("t", """
            {"evaluations":{"subject":{"type":"identity","id":"$token.sub"},"evaluations":[
              {"action":{"name":"read"},"resource":{"type":"r","id":"1"}},
              {"subject":{"type":"identity","id":"bob@example.com"},"action":{"name":"write"},"resource":{"type":"r","id":"2"}}]}}
            """);

        AssertMappingError("evaluations.evaluations[1].subject: a declared mapping must not set a subject per evaluation", Call("t", "{}", tools));
    }

    [Theory]
    [InlineData("""{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"}},"evaluations":{"evaluations":[]}}""", "exactly one key")]
    [InlineData("""{}""", "exactly one key")]
    [InlineData("""{"evaluate":{"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}""", "'evaluation' or 'evaluations'")]
    [InlineData("""[{"evaluation":{}}]""", "exactly one key")]
    [InlineData("\"$token.sub\"", "exactly one key")]
    [InlineData("""{"evaluation":"$params"}""", "evaluation: must be an object")]
    [InlineData("""{"evaluation":{"resource":{"type":"r","id":"1"}}}""", "evaluation.action.name: is required")]
    [InlineData("""{"evaluation":{"action":{"name":"a"},"resource":{"id":"1"}}}""", "evaluation.resource.type: is required")]
    [InlineData("""{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"},"decision":true}}""", "evaluation.decision: unknown member")]
    [InlineData("""{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1","owner":"x"}}}""", "evaluation.resource.owner: unknown member")]
    [InlineData("""{"evaluation":{"action":{"name":7},"resource":{"type":"r","id":"1"}}}""", "evaluation.action.name: must be a string")]
    [InlineData("""{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"},"context":"plain"}}""", "evaluation.context: must be an object")]
    [InlineData("""{"evaluations":{"evaluations":[]}}""", "must be a non-empty list")]
    [InlineData("""{"evaluations":{"evaluations":[{"action":{"name":"a"}}]}}""", "evaluations.evaluations[0].resource.type: is required")]
    [InlineData("""{"evaluation":{"action":{"name":"$params.("},"resource":{"type":"r","id":"1"}}}""", "evaluation.action.name: invalid expression")]
    [InlineData("""{"evaluation":{"action":{"name":"$"},"resource":{"type":"r","id":"1"}}}""", "empty expression")]
    [InlineData("""{"evaluation":{"action":{"name":"$no_such_function(1)"},"resource":{"type":"r","id":"1"}}}""", "invalid expression")]
    public void Map_MalformedMapping_IsAMappingErrorOnEveryCall(string mapping, string fragment)
    {
        var tools = Tool("t", mapping);

        var result = Call("t", "{}", tools);

        AssertMappingError("the tool's declared mapping is malformed", result);
        Assert.Contains(fragment, result.Message, StringComparison.Ordinal);
        Assert.Equal(CoazMappingSource.Declared, result.Source);
    }

    [Fact]
    public void Map_CelErrorAtRuntime_IsAMappingErrorNamingTheExpression()
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"region","id":"$params.arguments.region"}}}""");

        AssertMappingError("resource.id: expression $params.arguments.region failed", Call("t", """{"id":1}""", tools));
    }

    [Theory]
    [InlineData("""{"region":null}""")]
    [InlineData("""{"region":""}""")]
    [InlineData("""{"region":true}""")]
    [InlineData("""{"region":[1]}""")]
    public void Map_NullOrNonStringRequiredField_IsAMappingError(string arguments)
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"region","id":"$params.arguments.region"}}}""");

        AssertMappingError("resource.id", Call("t", arguments, tools));
    }

    [Theory]
    [InlineData("$1 / 0")]
    [InlineData("$params.arguments.n.size()")]
    [InlineData("$int('x')")]
    [InlineData("$[1,2,3].map(x, [1,2,3].map(y, [1,2,3].map(z, x / 0)))")]
    public void Map_ExpressionErrorInAnOptionalField_IsStillAMappingError(string expression)
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"},"context":{"x":"EXPRESSION"}}}""".Replace("EXPRESSION", expression, StringComparison.Ordinal));

        AssertMappingError("context.x", Call("t", """{"n":5}""", tools));
    }

    [Fact]
    public void Map_ExpressionLoopingTooLong_IsAMappingError()
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"},"context":{"x":"$[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, [1,2,3,4,5,6,7,8,9,10].all(f, true))))))"}}}""");

        AssertMappingError("context.x", Call("t", "{}", tools));
    }

    [Fact]
    public void Map_TenThousandDeepParams_IsAMappingErrorWithoutOverflow()
    {
        var deep = new StringBuilder("{\"name\":\"t\",\"arguments\":");
        for (var i = 0; i < 10_000; i++) deep.Append('[');
        for (var i = 0; i < 10_000; i++) deep.Append(']');
        deep.Append('}');
        using var document = JsonDocument.Parse(deep.ToString(), new JsonDocumentOptions { MaxDepth = 20_000 });

        var result = Mapper.Map("tools/call", document.RootElement, Alice);

        AssertMappingError("params nest deeper than 64 levels", result);
    }

    [Fact]
    public void Parse_TenThousandDeepParams_IsAnErrorWithoutOverflow()
    {
        var deep = new StringBuilder("{\"a\":");
        for (var i = 0; i < 10_000; i++) deep.Append("{\"a\":");
        deep.Append('1');
        for (var i = 0; i <= 10_000; i++) deep.Append('}');

        var parsed = CoazParams.Parse(Encoding.UTF8.GetBytes(deep.ToString()), out var error);

        Assert.Null(parsed);
        Assert.Equal("params nest deeper than 64 levels", error);
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("{\"name\":\"t\"")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void Parse_TruncatedOrNonObjectParams_IsAnError(string json)
    {
        Assert.Null(CoazParams.Parse(Encoding.UTF8.GetBytes(json), out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Compile_DeeplyNestedMapping_IsMalformedWithoutOverflow()
    {
        var deep = new StringBuilder("""{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"},"context":""");
        for (var i = 0; i < 5_000; i++) deep.Append("{\"a\":");
        deep.Append('1');
        for (var i = 0; i < 5_000; i++) deep.Append('}');
        deep.Append("}}");
        using var document = JsonDocument.Parse(deep.ToString(), new JsonDocumentOptions { MaxDepth = 10_000 });

        var compiled = CoazMapping.Compile(document.RootElement);

        Assert.False(compiled.Succeeded);
        Assert.Contains("nests deeper than 16 levels", compiled.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_HugeMapping_IsMalformed()
    {
        var members = string.Join(',', Enumerable.Range(0, 2_000).Select(i => $"\"k{i}\":\"$params.arguments.a\""));
        var compiled = CoazMapping.Compile(Json("""{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"},"context":{""" + members + "}}}"));

        Assert.False(compiled.Succeeded);
        Assert.Contains("more than 1000 values", compiled.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ToolNameNotAString_UsesTheDefaultAndFailsOnTheResourceId()
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}""");

        AssertMappingError("resource.id", Mapper.Map("tools/call", Json("""{"name":["t"]}"""), Alice, tools));
    }
}
