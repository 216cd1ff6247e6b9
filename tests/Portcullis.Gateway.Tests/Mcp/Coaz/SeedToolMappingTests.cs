using Portcullis.Gateway.Mcp.Coaz;
using Portcullis.Gateway.Tests.Mapping;
using static Portcullis.Gateway.Tests.Mcp.Coaz.CoazTestData;

namespace Portcullis.Gateway.Tests.Mcp.Coaz;

/// <summary>The seeds' plugin format for MCP routes (issue 5): <c>mcp::tool::name</c>, <c>mcp::tool::arguments::a.b</c>
/// and <c>enforce_on.methods</c>.</summary>
public class SeedToolMappingTests
{
    private const string SeedBlock = """
        {"pdp":{"host":"http://cerbos:3593","platform":"cerbos"},
         "subject":{"type":"user","id":"claim::preferred_username","properties":[{"key":"roles","claim":"realm_access.roles"}]},
         "action":{"name":"mcp::tool::name"},
         "resource":{"type":"expense","id":"mcp::tool::arguments::expense.id",
           "properties":[{"key":"amount","value":"mcp::tool::arguments::expense.amount"},{"key":"note","value":"mcp::tool::arguments::note"}]},
         "context":[{"key":"tool","value":"mcp::tool::name"},{"key":"literal","value":"$$mcp::tool::name"}]}
        """;

    private static readonly CoazCaller Analyst = Caller("""
        {"sub":"f1d2","preferred_username":"alice","client_id":"agent-app","aud":"https://mcp.example.com","realm_access":{"roles":["analyst"]}}
        """);

    private static CoazMapper SeedMapper(string block, IReadOnlyList<string>? enforceOn = null)
    {
        var mapping = SeedToolMapping.FromAuthZenBlock(MappingTestData.ParseJson(block), out var error);
        Assert.True(mapping is not null, error);
        return new CoazMapper(Route with { EnforceOnMethods = enforceOn }, mapping);
    }

    [Fact]
    public void Map_SeedBlock_MapsToolNameAndNestedArguments()
    {
        var result = SeedMapper(SeedBlock).Map("tools/call", Json("""{"name":"approve_expense","arguments":{"expense":{"id":"e-7","amount":120.5}}}"""), Analyst);

        AssertEvaluation("""
            {"subject":{"type":"user","id":"alice","properties":{"roles":["analyst"]}},"action":{"name":"approve_expense"},
             "resource":{"type":"expense","id":"e-7","properties":{"amount":120.5}},
             "context":{"tool":"approve_expense","literal":"$mcp::tool::name"}}
            """, result);
        Assert.Equal(CoazMappingSource.Configured, result.Source);
    }

    [Fact]
    public void Map_SeedBlock_MissingArgumentForTheId_IsAMappingError()
    {
        AssertMappingError("resource.id", SeedMapper(SeedBlock).Map("tools/call", Json("""{"name":"approve_expense","arguments":{}}"""), Analyst));
    }

    [Fact]
    public void Map_SeedBlock_OutranksADeclaredMapping()
    {
        var declared = Tool("approve_expense", """{"evaluation":{"action":{"name":"x"},"resource":{"type":"r","id":"1"}}}""");

        var result = SeedMapper(SeedBlock).Map("tools/call", Json("""{"name":"approve_expense","arguments":{"expense":{"id":"e-7"}}}"""), Analyst, declared);

        Assert.Equal(("approve_expense", CoazMappingSource.Configured), (result.Evaluation!.Action!.Name, result.Source));
    }

    [Fact]
    public void Map_SeedBlockWithOnlyAnAction_DefaultsToTheBindingsToolsCallShape()
    {
        var result = SeedMapper("""{"action":{"name":"mcp::tool::name"}}""").Map("tools/call", Json("""{"name":"list_expenses"}"""), Alice);

        AssertEvaluation("""
            {"subject":{"type":"identity","id":"alice@example.com"},"action":{"name":"list_expenses"},"resource":{"type":"tool","id":"list_expenses"}}
            """, result);
    }

    [Fact]
    public void Map_EnforceOnMethods_OnlyToolsCallIsChecked()
    {
        var mapper = SeedMapper(SeedBlock, ["tools/call"]);

        Assert.Equal(CoazOutcome.PassThrough, mapper.Map("tools/list", null, Analyst).Outcome);
        Assert.Equal(CoazOutcome.Evaluation, mapper.Map("tools/call", Json("""{"name":"t","arguments":{"expense":{"id":"1"}}}"""), Analyst).Outcome);
    }

    [Theory]
    [InlineData("""{"action":{"name":"mcp::tool::title"}}""", "action.name: unknown MCP value")]
    [InlineData("""{"resource":{"id":"mcp::tool::arguments::"}}""", "resource.id: unknown MCP value")]
    [InlineData("""{"resource":{"id":"mcp::tool::arguments::a..b"}}""", "resource.id: unknown MCP value")]
    public void FromAuthZenBlock_UnknownMcpValue_IsReported(string block, string expected)
    {
        Assert.Null(SeedToolMapping.FromAuthZenBlock(MappingTestData.ParseJson(block), out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ArgumentNamesWithQuotes_AreReadSafely()
    {
        var result = SeedMapper("""{"resource":{"type":"r","id":"mcp::tool::arguments::we\"ird\\name"}}""")
            .Map("tools/call", Json("""{"name":"t","arguments":{"we\"ird\\name":"v"}}"""), Alice);

        Assert.Equal("v", result.Evaluation!.Resource!.Id);
    }
}
