using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Tests.Server;

[Collection(AuthZenServerCollection.Name)]
public sealed class EvaluationsEndpointTests(AuthZenServerFixture server)
{
    private const string Path = "/access/v1/evaluations";

    // Documents 1 and 3 are alice's, 2 is bob's.
    private static string Batch(string? semantic) =>
        """{"subject":{"type":"user","id":"alice"},"action":{"name":"read"},""" +
        (semantic is null ? "" : "\"options\":{\"evaluations_semantic\":\"" + semantic + "\"},") +
        """
        "evaluations":[
          {"resource":{"type":"doc","id":"1","properties":{"owner":"alice"}}},
          {"resource":{"type":"doc","id":"2","properties":{"owner":"bob"}}},
          {"resource":{"type":"doc","id":"3","properties":{"owner":"alice"}}}]}
        """;

    [Fact]
    public async Task Evaluations_NoSemantic_ExecutesAll()
    {
        var reply = await server.PostAsync(Path, Batch(null));

        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"evaluations":[{"decision":true},{"decision":false},{"decision":true}]}""", reply.Body);
    }

    [Fact]
    public async Task Evaluations_ExecuteAll_ReturnsEveryDecision()
    {
        var reply = await server.PostAsync(Path, Batch("execute_all"));

        Assert.Equal("""{"evaluations":[{"decision":true},{"decision":false},{"decision":true}]}""", reply.Body);
    }

    [Fact]
    public async Task Evaluations_DenyOnFirstDeny_TruncatesAfterTheDeny()
    {
        var reply = await server.PostAsync(Path, Batch("deny_on_first_deny"));

        Assert.Equal("""{"evaluations":[{"decision":true},{"decision":false}]}""", reply.Body);
    }

    [Fact]
    public async Task Evaluations_PermitOnFirstPermit_TruncatesAfterThePermit()
    {
        var reply = await server.PostAsync(Path, Batch("permit_on_first_permit"));

        Assert.Equal("""{"evaluations":[{"decision":true}]}""", reply.Body);
    }

    [Fact]
    public async Task Evaluations_PermitOnFirstPermitNoPermit_ReturnsAll()
    {
        var reply = await server.PostAsync(Path, Batch("permit_on_first_permit").Replace("\"alice\"}}}", "\"carol\"}}}", StringComparison.Ordinal));

        Assert.Equal("""{"evaluations":[{"decision":false},{"decision":false},{"decision":false}]}""", reply.Body);
    }

    [Fact]
    public async Task Evaluations_DenyOnFirstDenyItemError_StopsAtTheError()
    {
        var reply = await server.PostAsync(Path, """
            {"subject":{"type":"user","id":"alice"},"options":{"evaluations_semantic":"deny_on_first_deny"},
             "evaluations":[{"resource":{"type":"doc","id":"1"}},{"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}]}
            """);

        Assert.Equal("""{"evaluations":[{"decision":false,"context":{"error":{"status":400,"message":"action is required"}}}]}""", reply.Body);
    }

    [Fact]
    public async Task Evaluations_UnknownSemantic_400()
    {
        var reply = await server.PostAsync(Path, Batch("first_wins"));

        Assert.Equal(400, reply.Status);
        Assert.Equal("options.evaluations_semantic must be one of execute_all, deny_on_first_deny, permit_on_first_permit", reply.ErrorMessage);
    }

    [Fact]
    public async Task Evaluations_ItemMissingField_DeniedWithErrorContextAndCallSucceeds()
    {
        var reply = await server.PostAsync(Path, """
            {"action":{"name":"read"},
             "evaluations":[
               {"subject":{"type":"user","id":"alice"},"resource":{"type":"doc","id":"1","properties":{"owner":"alice"}}},
               {"subject":{"type":"user"},"resource":{"type":"doc","id":"1"}},
               {"subject":{"type":"user","id":"alice"}},
               null,
               {"subject":{"type":"user","id":"alice"},"resource":{"type":"doc","id":"1","properties":[]}}]}
            """);

        Assert.Equal(200, reply.Status);
        Assert.Equal(
            """{"evaluations":[{"decision":true},""" +
            """{"decision":false,"context":{"error":{"status":400,"message":"subject.id is required"}}},""" +
            """{"decision":false,"context":{"error":{"status":400,"message":"resource is required"}}},""" +
            """{"decision":false,"context":{"error":{"status":400,"message":"evaluation item must be an object"}}},""" +
            """{"decision":false,"context":{"error":{"status":400,"message":"resource.properties must be an object"}}}]}""",
            reply.Body);
    }

    [Fact]
    public async Task Evaluations_ItemMembers_WinOverDefaults()
    {
        server.Pdp.Seen.Clear();
        var reply = await server.PostAsync(Path, """
            {"subject":{"type":"user","id":"alice"},"action":{"name":"read"},"context":{"from":"top"},
             "resource":{"type":"doc","id":"default","properties":{"owner":"alice"}},
             "evaluations":[
               {},
               {"subject":{"type":"user","id":"bob"}},
               {"action":{"name":"write"},"resource":{"type":"doc","id":"9","properties":{"owner":"bob"}},"context":{"from":"item"}}]}
            """);

        Assert.Equal("""{"evaluations":[{"decision":true},{"decision":false},{"decision":false}]}""", reply.Body);
        EvaluationRequest[] seen;
        lock (server.Pdp.Seen)
        {
            seen = [.. server.Pdp.Seen.TakeLast(3)];
        }

        Assert.Equal(["alice", "bob", "alice"], seen.Select(r => r.Subject!.Id));
        Assert.Equal(["read", "read", "write"], seen.Select(r => r.Action!.Name));
        Assert.Equal(["default", "default", "9"], seen.Select(r => r.Resource!.Id));
        Assert.Equal(["top", "top", "item"], seen.Select(r => r.Context!.Value.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task Evaluations_NoEvaluationsArray_AnsweredAsSingleEvaluation()
    {
        var reply = await server.PostAsync(Path, """
            {"subject":{"type":"user","id":"alice"},"action":{"name":"read"},"resource":{"type":"doc","id":"1","properties":{"owner":"alice"}}}
            """);

        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"decision":true}""", reply.Body);
    }

    [Fact]
    public async Task Evaluations_EmptyEvaluationsArray_AnsweredAsSingleEvaluation()
    {
        var reply = await server.PostAsync(Path, """
            {"subject":{"type":"user","id":"alice"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"evaluations":[]}
            """);

        Assert.Equal("""{"decision":false}""", reply.Body);
    }

    [Theory]
    [InlineData("""{"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject is required")]
    [InlineData("""{"evaluations":{"resource":{"type":"doc","id":"1"}}}""", "evaluations must be an array")]
    [InlineData("""{"evaluations":["x"]}""", "evaluations[0] must be an object")]
    [InlineData("""{"evaluations":[{"subject":{"type":"user","id":1}}]}""", "evaluations[0].subject.id must be a string")]
    [InlineData("""{"evaluations":[{}],"context":[1]}""", "context must be an object")]
    [InlineData("""{"evaluations":[{}],"options":{"evaluations_semantic":1}}""", "options.evaluations_semantic must be a string")]
    [InlineData("""{"evaluations":[{}],"options":[]}""", "options must be an object")]
    public async Task Evaluations_BadRequest_400NamesTheField(string body, string message)
    {
        var reply = await server.PostAsync(Path, body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(message, reply.ErrorMessage);
    }

    [Fact]
    public async Task Evaluations_ItemPdpThrows_500()
    {
        var reply = await server.PostAsync(Path, """
            {"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"evaluations":[{"subject":{"type":"user","id":"boom"}}]}
            """);

        Assert.Equal(500, reply.Status);
        Assert.Equal("internal error", reply.ErrorMessage);
    }
}
