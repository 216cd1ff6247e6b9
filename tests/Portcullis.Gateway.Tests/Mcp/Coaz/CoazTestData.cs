using System.Text.Json;
using System.Text.Json.Nodes;
using Portcullis.AuthZen;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mapping;
using Portcullis.Gateway.Mcp.Coaz;

namespace Portcullis.Gateway.Tests.Mcp.Coaz;

/// <summary>The COAZ-MCP spec's example token, route and tools, shared by the COAZ tests.</summary>
internal static class CoazTestData
{
    public const string Server = "https://mcp.example.com";

    /// <summary>The spec's "Example decoded access token claims", plus roles for the conditional example.</summary>
    public const string SpecClaims = """
        {"sub":"alice@example.com","client_id":"http://agentprovider.com/agent-app-id","iss":"https://auth.example.com",
         "aud":"https://mcp.example.com","exp":1750000000,"roles":["analyst"]}
        """;

    public static McpRouteConfig Route { get; } = new() { Resource = new Uri(Server) };

    public static CoazMapper Mapper { get; } = new(Route);

    public static CoazCaller Alice { get; } = Caller(SpecClaims);

    public static CoazCaller Caller(string claims, McpRouteConfig? route = null) => CoazCaller.Create(CallerClaims.FromJson(claims), route ?? Route);

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Returns the declared mappings learned from one tools/list result, as the gateway learns them.</summary>
    public static DeclaredToolLookup FromToolsList(JsonElement result)
    {
        var store = new Portcullis.Gateway.Mcp.Discovery.DeclaredMappingStore<CoazMappingCompileResult>(CoazMapping.Compile);
        store.Observe("upstream", result, firstPage: true);
        return new DeclaredToolLookup(store, "upstream");
    }

    /// <summary>Returns the declared mappings of a tools/list result holding one tool with <paramref name="mapping"/>.</summary>
    public static DeclaredToolLookup Tool(string name, string mapping) =>
        FromToolsList(Json($$$"""{"tools":[{"name":"{{{name}}}","inputSchema":{"type":"object","x-authzen-mapping":{{{mapping}}}}}]}"""));

    public static CoazMappingResult Call(string tool, string arguments, IDeclaredToolLookup? tools = null, CoazCaller? caller = null) =>
        Mapper.Map("tools/call", Json($$$"""{"name":"{{{tool}}}","arguments":{{{arguments}}}}"""), caller ?? Alice, tools);

    /// <summary>Asserts the outcome is an Access Evaluation request equal (as JSON) to <paramref name="expected"/>.</summary>
    public static void AssertEvaluation(string expected, CoazMappingResult result)
    {
        Assert.True(result.Outcome == CoazOutcome.Evaluation, $"{result.Outcome}: {result.Message}");
        var actual = JsonSerializer.Serialize(result.Evaluation, AuthZenJsonContext.Default.EvaluationRequest);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}{Environment.NewLine}actual   {actual}");
    }

    /// <summary>Asserts the outcome is an Access Evaluations request equal (as JSON) to <paramref name="expected"/>.</summary>
    public static void AssertEvaluations(string expected, CoazMappingResult result)
    {
        Assert.True(result.Outcome == CoazOutcome.Evaluations, $"{result.Outcome}: {result.Message}");
        var actual = JsonSerializer.Serialize(result.Evaluations, AuthZenJsonContext.Default.EvaluationsRequest);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}{Environment.NewLine}actual   {actual}");
    }

    /// <summary>Asserts a mapping error whose message contains <paramref name="fragment"/>.</summary>
    public static void AssertMappingError(string fragment, CoazMappingResult result)
    {
        Assert.True(result.Outcome == CoazOutcome.MappingError, $"{result.Outcome}: {result.Message}");
        Assert.Contains(fragment, result.Message, StringComparison.Ordinal);
        Assert.Null(result.Evaluation);
        Assert.Null(result.Evaluations);
    }
}
