using System.Text.Json.Nodes;
using Portcullis.FunctionalTests.Interop;

namespace Portcullis.FunctionalTests.Cli;

/// <summary><c>portcullis eval</c> on the todo sample, with AuthZEN requests on standard input.</summary>
public sealed class EvalCommandTests
{
    private const string Morty = "morty@the-citadel.com";
    private const string MortysTodo = "7240d0db-8ff0-41ec-98b2-34a096273b91";
    private const string RicksTodo = "7240d0db-8ff0-41ec-98b2-34a096273b92";

    private static readonly string[] Args =
    [
        "eval",
        "--policies", InteropPaths.Policies("todo"),
        "--directory", InteropPaths.Directory("todo"),
    ];

    [Theory]
    [InlineData(MortysTodo, """{"decision":true}""")]
    [InlineData(RicksTodo, """{"decision":false}""")]
    public async Task Eval_SingleEvaluation_PrintsTheBareDecision(string todo, string expected)
    {
        var result = await PortcullisCli.RunAsync(Args, Single(todo).ToJsonString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.Stdout);
    }

    [Fact]
    public async Task Eval_BatchWithDenyOnFirstDeny_StopsAfterTheFirstDeny()
    {
        var request = new JsonObject
        {
            ["subject"] = new JsonObject { ["type"] = "user", ["id"] = Morty },
            ["resource"] = new JsonObject { ["type"] = "todo", ["id"] = MortysTodo },
            ["options"] = new JsonObject { ["evaluations_semantic"] = "deny_on_first_deny" },
            ["evaluations"] = new JsonArray(
                Action("can_read_todos"),
                Action("can_update_todo"),
                new JsonObject
                {
                    ["action"] = new JsonObject { ["name"] = "can_update_todo" },
                    ["resource"] = new JsonObject { ["type"] = "todo", ["id"] = RicksTodo },
                },
                Action("can_read_todos")),
        };

        var result = await PortcullisCli.RunAsync(Args, request.ToJsonString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"evaluations":[{"decision":true},{"decision":true},{"decision":false}]}""", result.Stdout);
    }

    [Fact]
    public async Task Eval_BatchWithExecuteAll_AnswersEveryItem()
    {
        var request = new JsonObject
        {
            ["subject"] = new JsonObject { ["type"] = "user", ["id"] = Morty },
            ["resource"] = new JsonObject { ["type"] = "todo", ["id"] = RicksTodo },
            ["evaluations"] = new JsonArray(Action("can_delete_todo"), Action("can_read_todos")),
        };

        var result = await PortcullisCli.RunAsync(Args, request.ToJsonString());

        Assert.Equal("""{"evaluations":[{"decision":false},{"decision":true}]}""", result.Stdout);
    }

    [Fact]
    public async Task Eval_WithReasons_NamesThePolicyAndRule()
    {
        var request = Single(MortysTodo);
        request["options"] = new JsonObject { ["reasons"] = true };

        var result = await PortcullisCli.RunAsync(Args, request.ToJsonString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"decision":true,"context":{"reason":{"policy":"resource.todo.vdefault","rule":"change-own-todo"},"errors":[]}}""",
            result.Stdout);
    }

    [Theory]
    [InlineData("""{"subject":""", "not valid JSON")]
    [InlineData("", "request body is empty")]
    [InlineData("""{"subject":{"type":"user"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}""", "subject.id")]
    public async Task Eval_BadRequest_PrintsAnErrorBodyAndExitsOne(string stdin, string problem)
    {
        var result = await PortcullisCli.RunAsync(Args, stdin);

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = JsonNode.Parse(result.Stdout)!["error"]!;
        Assert.Equal(400, error["status"]!.GetValue<int>());
        Assert.Contains(problem, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject Single(string todo) => new()
    {
        ["subject"] = new JsonObject { ["type"] = "user", ["id"] = Morty },
        ["action"] = new JsonObject { ["name"] = "can_update_todo" },
        ["resource"] = new JsonObject { ["type"] = "todo", ["id"] = todo },
    };

    private static JsonObject Action(string name) => new() { ["action"] = new JsonObject { ["name"] = name } };
}
