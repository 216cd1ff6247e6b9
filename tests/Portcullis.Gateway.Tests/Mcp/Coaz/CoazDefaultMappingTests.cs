using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mcp.Coaz;
using static Portcullis.Gateway.Tests.Mcp.Coaz.CoazTestData;

namespace Portcullis.Gateway.Tests.Mcp.Coaz;

// The MUSTs of COAZ-MCP Draft 1 (profiles/authzen-coaz-mcp-binding-1_0.md) and where each is tested. The error codes
// (-32602/-32001/-32603), forwarding and the PDP call belong to the MCP stage; this engine produces the outcome each
// of them is chosen from.
//
// Expressions and Literals
//   - an expression MUST evaluate to a single JSON value (a list is one field value)  Declared: ..._ListIsOneValue
//   - an OPTIONAL field from a possibly absent input MUST use `.?`, which omits it    Default: ..._NoClientId_OmitsAgent;
//                                                                                    Declared: ..._OptionalAbsent_OmitsField
//   - plain selection of a missing key is an error -> mapping error                  Default: ..._InitializeWithoutProtocolVersion_...
//   - error / absent / null in a REQUIRED field -> mapping error                     Declared: ..._CelError_..., ..._NullResourceId_...
//   - a conforming PEP MUST include a CEL evaluator                                  every test (the default mappings are CEL)
// Mapping Envelopes
//   - anything other than exactly one of `evaluation`/`evaluations` MUST be a mapping error  Declared: ..._TwoEnvelopeKeys_..., ..._UnknownEnvelope_...
//   - `evaluations` MUST go to the Access Evaluations API                             Declared: Map_SpecMultiExample_...
// Default Mappings
//   - the default mapping MUST apply unless a declared mapping applies               Map_EveryDefaultMethod_..., Declared: ..._CaseDifferentToolName_...
//   - resource.id MUST be one string identifying this server, never an array;
//     array `aud` -> the member naming this server, else mapping error               Map_ServerWide_UsesConfiguredResource..., CoazCallerTests
//   - `ping`: MUST NOT call the PDP and MUST allow                                   Map_PingAndNotifications_PassThrough
//   - notifications/*: pass-through                                                  Map_PingAndNotifications_PassThrough
//   - Unknown Methods MUST be denied                                                 Map_UnknownOrLookAlikeMethod_IsDenied
// Declared Mappings
//   - subject.id set to the subject-identity claim MUST be verified; mismatch -> mapping error   Declared: ..._SubjectIdOfAnotherUser_...
//   - a mapping that omits subject / subject.id: the PEP MUST supply the claim      Declared: ..._NoSubject_...
//   - `subject` inside an `evaluations` entry MUST be rejected as a mapping error   Declared: ..._PerEntrySubject_...
//   - omitted subject.type: the PEP MUST supply `identity`                          Declared: ..._NoSubject_...
//   - context MUST include the agent identity                                        Declared: ..._NoContext_GetsAgent
// Subject-identity claim: an on-behalf-of claim replaces `sub` everywhere            Map_OnBehalfOfClaim_...
// PEP Behavior 1-6: method -> pass-through? -> mapping (declared for tools/call, else default, else deny) ->
//   params/token -> resolve -> anchor subject -> envelope names the API              all of the above
// Fail-Closed Enforcement: never throws for bad input; hostile input is a mapping error   CoazHostileInputTests
public class CoazDefaultMappingTests
{
    private const string Subject = """ "subject":{"type":"identity","id":"alice@example.com"} """;
    private const string Agent = """ "agent":"http://agentprovider.com/agent-app-id" """;
    private const string ServerResource = """ "resource":{"type":"mcp_server","id":"https://mcp.example.com"} """;

    private const string Tool = """ "resource":{"type":"tool","id":"get_customer"} """;

    public static TheoryData<string, string, string> DefaultCases() => new()
    {
        { "initialize", """{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"c","version":"1"}}""",
            Expected("initialize", ServerResource, ""","protocol_version":"2025-11-25" """) },
        { "tools/list", "{}", Expected("tools/list", ServerResource) },
        { "tools/call", """{"name":"get_customer","arguments":{"id":"cust-12345","case":"case-67890"}}""", Expected("tools/call", Tool) },
        { "resources/list", """{"cursor":"abc"}""", Expected("resources/list", ServerResource) },
        { "resources/templates/list", "{}", Expected("resources/templates/list", ServerResource) },
        { "resources/read", """{"uri":"file:///reports/q1.pdf"}""",
            Expected("resources/read", """ "resource":{"type":"resource","id":"file:///reports/q1.pdf"} """) },
        { "resources/subscribe", """{"uri":"file:///a"}""", Expected("resources/subscribe", """ "resource":{"type":"resource","id":"file:///a"} """) },
        { "resources/unsubscribe", """{"uri":"file:///a"}""", Expected("resources/unsubscribe", """ "resource":{"type":"resource","id":"file:///a"} """) },
        { "prompts/list", "{}", Expected("prompts/list", ServerResource) },
        { "prompts/get", """{"name":"summarize","arguments":{"text":"x"}}""", Expected("prompts/get", """ "resource":{"type":"prompt","id":"summarize"} """) },
        { "completion/complete", """{"ref":{"type":"ref/prompt","name":"summarize"},"argument":{"name":"a","value":"b"}}""",
            Expected("completion/complete", """ "resource":{"type":"prompt","id":"summarize"} """) },
        { "completion/complete", """{"ref":{"type":"ref/resource","uri":"file:///{path}"},"argument":{"name":"path","value":"r"}}""",
            Expected("completion/complete", """ "resource":{"type":"resource","id":"file:///{path}"} """) },
        { "logging/setLevel", """{"level":"debug"}""", Expected("logging/setLevel", ServerResource, ""","level":"debug" """) },
        { "tasks/get", """{"taskId":"t-1"}""", Expected("tasks/get", """ "resource":{"type":"task","id":"t-1"} """) },
        { "tasks/result", """{"taskId":"t-1"}""", Expected("tasks/result", """ "resource":{"type":"task","id":"t-1"} """) },
        { "tasks/cancel", """{"taskId":"t-1"}""", Expected("tasks/cancel", """ "resource":{"type":"task","id":"t-1"} """) },
        { "tasks/list", "{}", Expected("tasks/list", ServerResource) },
    };

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public void Map_EveryDefaultMethod_GivesTheBindingsEvaluationRequest(string method, string parameters, string expected)
    {
        var result = Mapper.Map(method, Json(parameters), Alice);

        AssertEvaluation(expected, result);
        Assert.Equal(CoazMappingSource.Default, result.Source);
    }

    [Theory]
    [InlineData("server/discover", "{}", """ "resource":{"type":"mcp_server","id":"https://mcp.example.com"} """)]
    [InlineData("subscriptions/listen", """{"filter":{}}""", """ "resource":{"type":"mcp_server","id":"https://mcp.example.com"} """)]
    [InlineData("tasks/update", """{"taskId":"t-9","status":"cancelled"}""", """ "resource":{"type":"task","id":"t-9"} """)]
    public void Map_MethodsAddedAfterTheBinding_GetPortcullisExtensionMappings(string method, string parameters, string resource)
    {
        var result = Mapper.Map(method, Json(parameters), Alice);

        AssertEvaluation(Expected(method, resource), result);
        Assert.Equal(CoazMappingSource.PortcullisExtension, result.Source);
    }

    [Fact]
    public void Map_WithoutParams_TreatsThemAsEmpty()
    {
        AssertEvaluation(Expected("tools/list", ServerResource), Mapper.Map("tools/list", null, Alice));
    }

    [Theory]
    [InlineData("ping")]
    [InlineData("notifications/initialized")]
    [InlineData("notifications/cancelled")]
    [InlineData("notifications/anything-new")]
    public void Map_PingAndNotifications_PassThrough(string method)
    {
        var result = Mapper.Map(method, null, Alice);

        Assert.Equal(CoazOutcome.PassThrough, result.Outcome);
        Assert.Null(result.Evaluation);
    }

    [Theory]
    [InlineData("Tools/call")]
    [InlineData("TOOLS/LIST")]
    [InlineData("tools/call ")]
    [InlineData("tools /call")]
    [InlineData("t\u043Eols/call")] // Cyrillic o
    [InlineData("tools\u2215call")] // division slash
    [InlineData("Ping")]
    [InlineData("sampling/createMessage")]
    [InlineData("roots/list")]
    [InlineData("admin/shutdown")]
    [InlineData("")]
    public void Map_UnknownOrLookAlikeMethod_IsDenied(string method)
    {
        var result = Mapper.Map(method, Json("""{"name":"get_customer"}"""), Alice);

        Assert.Equal(CoazOutcome.Denied, result.Outcome);
        Assert.Null(result.Evaluation);
        Assert.DoesNotContain(method.Length > 0 ? method : "\0", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnknownMethodWithUnreadableParams_IsStillDenied()
    {
        Assert.Equal(CoazOutcome.Denied, Mapper.Map("admin/shutdown", Json("[1]"), Alice).Outcome);
    }

    [Fact]
    public void Map_NoClientId_OmitsAgent()
    {
        var caller = Caller("""{"sub":"alice@example.com","aud":"https://mcp.example.com"}""");

        AssertEvaluation("{" + Subject + ""","action":{"name":"tools/list"},""" + ServerResource + "}", Mapper.Map("tools/list", null, caller));
    }

    [Fact]
    public void Map_ServerWide_UsesConfiguredResourceEvenWhenAudIsAnArray()
    {
        var caller = Caller("""{"sub":"alice@example.com","aud":["https://other.example.com","https://mcp.example.com"]}""");

        AssertEvaluation("{" + Subject + ""","action":{"name":"prompts/list"},""" + ServerResource + "}", Mapper.Map("prompts/list", null, caller));
    }

    [Fact]
    public void Map_OnBehalfOfClaim_IsTheSubjectAndTheAgentStaysInContext()
    {
        var route = Route with { SubjectClaim = "obo_user" };
        var caller = Caller("""{"sub":"agent-7","obo_user":"bob@example.com","client_id":"agent-app","aud":"https://mcp.example.com"}""", route);

        var result = new CoazMapper(route).Map("tools/call", Json("""{"name":"get_customer"}"""), caller);

        AssertEvaluation("""
            {"subject":{"type":"identity","id":"bob@example.com"},"context":{"agent":"agent-app"},"action":{"name":"tools/call"},
             "resource":{"type":"tool","id":"get_customer"}}
            """, result);
    }

    [Fact]
    public void Map_TokenWithoutTheSubjectIdentityClaim_IsAMappingError()
    {
        var caller = Caller("""{"client_id":"agent-app","aud":"https://mcp.example.com"}""");

        var result = Mapper.Map("tools/list", null, caller);

        AssertMappingError("subject.id: the token has no 'sub' claim", result);
        Assert.False(result.SubjectMismatch);
    }

    [Fact]
    public void Map_InitializeWithoutProtocolVersion_IsAMappingError()
    {
        AssertMappingError("context.protocol_version: expression $params.protocolVersion failed", Mapper.Map("initialize", Json("{}"), Alice));
    }

    [Theory]
    [InlineData("tools/call", "{}", "resource.id")]
    [InlineData("tools/call", """{"name":null}""", "resource.id")]
    [InlineData("tools/call", """{"name":""}""", "resource.id")]
    [InlineData("tools/call", """{"name":{"nested":"object"}}""", "resource.id")]
    [InlineData("resources/read", """{"url":"file:///a"}""", "resource.id")]
    [InlineData("tasks/get", "{}", "resource.id")]
    [InlineData("completion/complete", """{"ref":{"type":"ref/prompt"}}""", "resource.id")]
    public void Map_RequiredParamMissingOrNotAString_IsAMappingError(string method, string parameters, string path)
    {
        AssertMappingError(path, Mapper.Map(method, Json(parameters), Alice));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void Map_ParamsNotAnObject_IsAMappingError(string parameters)
    {
        AssertMappingError("params must be an object", Mapper.Map("tools/list", Json(parameters), Alice));
    }

    [Fact]
    public void Map_EnforceOnMethods_ChecksOnlyTheListedMethods()
    {
        var mapper = new CoazMapper(Route with { EnforceOnMethods = ["tools/call"] });

        Assert.Equal(CoazOutcome.Evaluation, mapper.Map("tools/call", Json("""{"name":"x"}"""), Alice).Outcome);
        Assert.Equal(CoazOutcome.PassThrough, mapper.Map("tools/list", null, Alice).Outcome);
        Assert.Equal(CoazOutcome.PassThrough, mapper.Map("admin/shutdown", null, Alice).Outcome);
        Assert.Equal(CoazOutcome.PassThrough, mapper.Map("Tools/call", null, Alice).Outcome);
    }

    [Fact]
    public void DefaultMethods_CoverTheBindingAndTheExtension()
    {
        string[] expected =
        [
            "initialize", "tools/list", "tools/call", "resources/list", "resources/templates/list", "resources/read",
            "resources/subscribe", "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete",
            "logging/setLevel", "tasks/get", "tasks/result", "tasks/cancel", "tasks/list",
            "server/discover", "subscriptions/listen", "tasks/update",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Mapper.DefaultMethods.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Map_ResourceWrittenWithTrailingSlash_IsUsedAsConfigured()
    {
        var route = new McpRouteConfig { Resource = new Uri("https://mcp.example.com/mcp/") };

        var result = new CoazMapper(route).Map("tools/list", null, Alice);

        Assert.Equal("https://mcp.example.com/mcp/", result.Evaluation!.Resource!.Id);
    }

    private static string Expected(string action, string resource, string moreContext = "") =>
        "{" + Subject + ",\"context\":{" + Agent + moreContext + "},\"action\":{\"name\":\"" + action + "\"}," + resource + "}";
}
