using System.Text.Json;

namespace Portcullis.FunctionalTests.Interop;

/// <summary>The comparison rules of the interop harnesses, checked without a PDP.</summary>
public sealed class ResponseComparerTests
{
    [Theory]
    [InlineData("true", """{"decision":true}""")]
    [InlineData("false", """{"decision":false}""")]
    [InlineData("false", """{"decision":false,"context":null}""")]
    public void Mismatch_EvaluationWithJustTheDecision_IsNull(string expected, string actual) =>
        Assert.Null(ResponseComparer.Mismatch(InteropEndpoint.Evaluation, Json(expected), Json(actual)));

    [Theory]
    [InlineData("true", """{"decision":false}""")]
    [InlineData("true", """{"decision":true,"context":{"reason":"rule"}}""")]
    [InlineData("false", """{}""")]
    [InlineData("true", """{"decision":"true"}""")]
    public void Mismatch_EvaluationWrongOrWithExtras_SaysWhatDiffers(string expected, string actual) =>
        Assert.Contains("expected {\"decision\":", ResponseComparer.Mismatch(InteropEndpoint.Evaluation, Json(expected), Json(actual)), StringComparison.Ordinal);

    [Fact]
    public void Mismatch_BatchWithSameDecisionsInOrder_IsNull() =>
        Assert.Null(ResponseComparer.Mismatch(
            InteropEndpoint.Evaluations,
            Json("""[{"decision":false},{"decision":true}]"""),
            Json("""{"evaluations":[{"decision":false},{"decision":true}]}""")));

    [Theory]
    [InlineData("""{"evaluations":[{"decision":true},{"decision":false}]}""")]
    [InlineData("""{"evaluations":[{"decision":false}]}""")]
    [InlineData("""{"evaluations":[{"decision":false},{"decision":true,"context":{}}]}""")]
    [InlineData("""[{"decision":false},{"decision":true}]""")]
    public void Mismatch_BatchReorderedShortOrWithExtras_IsReported(string actual) =>
        Assert.NotNull(ResponseComparer.Mismatch(
            InteropEndpoint.Evaluations, Json("""[{"decision":false},{"decision":true}]"""), Json(actual)));

    [Fact]
    public void Mismatch_SearchResultsInAnotherOrder_IsNull() =>
        Assert.Null(ResponseComparer.Mismatch(
            InteropEndpoint.SearchResource,
            Json("""{"results":[{"type":"record","id":"101"},{"type":"record","id":"107"}]}"""),
            Json("""{"results":[{"type":"record","id":"107"},{"type":"record","id":"101"}],"page":{"next_token":""}}""")));

    [Theory]
    [InlineData("""{"results":[{"type":"record","id":"101"}]}""")]
    [InlineData("""{"results":[{"id":"101","type":"record"},{"id":"107","type":"record"}]}""")]
    [InlineData("""{"results":[{"type":"record","id":"101","properties":{}},{"type":"record","id":"107"}]}""")]
    [InlineData("""{"results":[{"type":"record","id":101},{"type":"record","id":"107"}]}""")]
    [InlineData("""{}""")]
    public void Mismatch_SearchMissingReorderedKeysOrExtras_IsReported(string actual) =>
        Assert.NotNull(ResponseComparer.Mismatch(
            InteropEndpoint.SearchResource,
            Json("""{"results":[{"type":"record","id":"101"},{"type":"record","id":"107"}]}"""),
            Json(actual)));

    [Fact]
    public void Mismatch_ActionSearchInAnotherOrder_IsNull() =>
        Assert.Null(ResponseComparer.Mismatch(
            InteropEndpoint.SearchAction,
            Json("""{"results":[{"name":"view"},{"name":"edit"},{"name":"delete"}]}"""),
            Json("""{"results":[{"name":"delete"},{"name":"view"},{"name":"edit"}]}""")));

    [Fact]
    public void Mismatch_EmptySearchAndMissingResults_IsNull() =>
        Assert.Null(ResponseComparer.Mismatch(InteropEndpoint.SearchAction, Json("""{"results":[]}"""), Json("{}")));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
