using Portcullis.Gateway.Mcp.Coaz;
using static Portcullis.Gateway.Tests.Mcp.Coaz.CoazTestData;

namespace Portcullis.Gateway.Tests.Mcp.Coaz;

/// <summary>Declared mappings (COAZ-MCP "Declared Mappings"): the spec's three examples and the rules around them.
/// The list of the binding's MUSTs and their tests is at the top of <see cref="CoazDefaultMappingTests"/>.</summary>
public class CoazDeclaredMappingTests
{
    private const string GetCustomerMapping = """
        {"evaluation":{
          "subject":{"type":"identity","id":"$token.sub"},
          "action":{"name":"get_customer"},
          "resource":{"type":"customer","id":"$params.arguments.id"},
          "context":{"agent":"$token.?client_id","case":"$params.arguments.case"}}}
        """;

    private const string CopyObjectMapping = """
        {"evaluations":{
          "subject":{"type":"identity","id":"$token.sub"},
          "context":{"agent":"$token.?client_id"},
          "evaluations":[
            {"action":{"name":"read"},"resource":{"type":"storage_object","id":"$params.arguments.source"}},
            {"action":{"name":"write"},"resource":{"type":"storage_object","id":"$params.arguments.destination"}}]}}
        """;

    private const string TransferFundsMapping = """
        {"evaluation":{
          "subject":{"type":"$token.roles.exists(r, r == 'treasury') ? 'treasury_user' : 'standard_user'","id":"$token.sub"},
          "action":{"name":"$params.arguments.currency == 'USD' ? 'domestic_transfer' : 'international_transfer'"},
          "resource":{"type":"account","id":"$params.arguments.from_account",
            "properties":{"sensitivity":"$params.arguments.amount > 10000 ? 'high' : 'standard'"}},
          "context":{"agent":"$token.?client_id","target_account":"$params.arguments.to_account"}}}
        """;

    [Fact]
    public void Map_SpecSingleExample_GivesTheSpecsEvaluationRequest()
    {
        var tools = FromToolsList(Json($$$"""
            {"tools":[
              {"name":"get_customer","description":"Get customer details","inputSchema":{"type":"object",
                "properties":{"id":{"type":"string"},"case":{"type":"string"}},"required":["id"],"x-authzen-mapping":{{{GetCustomerMapping}}}}},
              {"name":"get_local_weather","description":"Get weather","inputSchema":{"type":"object",
                "properties":{"zip":{"type":"string"}},"required":["zip"]}}]}
            """));

        var result = Call("get_customer", """{"id":"cust-12345","case":"case-67890"}""", tools);

        AssertEvaluation("""
            {"subject":{"type":"identity","id":"alice@example.com"},"action":{"name":"get_customer"},
             "resource":{"type":"customer","id":"cust-12345"},
             "context":{"agent":"http://agentprovider.com/agent-app-id","case":"case-67890"}}
            """, result);
        Assert.Equal(CoazMappingSource.Declared, result.Source);

        var weather = Call("get_local_weather", """{"zip":"94103"}""", tools);
        Assert.Equal(CoazMappingSource.Default, weather.Source);
        Assert.Equal(("tool", "get_local_weather"), (weather.Evaluation!.Resource!.Type, weather.Evaluation.Resource.Id));
    }

    [Fact]
    public void Map_SpecMultiExample_GivesTheSpecsEvaluationsRequest()
    {
        var result = Call("copy_object", """{"source":"/bucket/reports/q1.pdf","destination":"/bucket/archive/q1.pdf"}""",
            Tool("copy_object", CopyObjectMapping));

        AssertEvaluations("""
            {"subject":{"type":"identity","id":"alice@example.com"},
             "context":{"agent":"http://agentprovider.com/agent-app-id"},
             "evaluations":[
               {"action":{"name":"read"},"resource":{"type":"storage_object","id":"/bucket/reports/q1.pdf"}},
               {"action":{"name":"write"},"resource":{"type":"storage_object","id":"/bucket/archive/q1.pdf"}}]}
            """, result);
    }

    [Theory]
    [InlineData("analyst", "USD", 20000, "standard_user", "domestic_transfer", "high")]
    [InlineData("treasury", "EUR", 500, "treasury_user", "international_transfer", "standard")]
    [InlineData("treasury", "USD", 10000, "treasury_user", "domestic_transfer", "standard")]
    public void Map_SpecConditionalExample_EvaluatesTheConditions(string role, string currency, int amount, string subjectType, string action, string sensitivity)
    {
        var caller = Caller($$$"""{"sub":"alice@example.com","client_id":"agent-app","aud":"https://mcp.example.com","roles":["{{{role}}}"]}""");

        var result = Call("transfer_funds", $$$"""{"from_account":"acc-1","to_account":"acc-2","amount":{{{amount}}},"currency":"{{{currency}}}"}""",
            Tool("transfer_funds", TransferFundsMapping), caller);

        AssertEvaluation($$$"""
            {"subject":{"type":"{{{subjectType}}}","id":"alice@example.com"},"action":{"name":"{{{action}}}"},
             "resource":{"type":"account","id":"acc-1","properties":{"sensitivity":"{{{sensitivity}}}"}},
             "context":{"agent":"agent-app","target_account":"acc-2"}}
            """, result);
    }

    [Fact]
    public void Map_NoSubject_SuppliesIdentityAndTheSubjectClaim()
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"run"},"resource":{"type":"job","id":"$params.arguments.job"}}}""");

        var result = Call("t", """{"job":"j-1"}""", tools);

        AssertEvaluation("""
            {"subject":{"type":"identity","id":"alice@example.com"},"action":{"name":"run"},"resource":{"type":"job","id":"j-1"},
             "context":{"agent":"http://agentprovider.com/agent-app-id"}}
            """, result);
    }

    [Fact]
    public void Map_SubjectWithPropertiesButNoIdOrType_FillsIdAndType()
    {
        var tools = Tool("t", """
            {"evaluation":{"subject":{"properties":{"dept":"$params.arguments.dept"}},"action":{"name":"run"},
             "resource":{"type":"job","id":"j"},"context":{"agent":"$token.?client_id"}}}
            """);

        var result = Call("t", """{"dept":"finance"}""", tools);

        AssertEvaluation("""
            {"subject":{"type":"identity","id":"alice@example.com","properties":{"dept":"finance"}},"action":{"name":"run"},
             "resource":{"type":"job","id":"j"},"context":{"agent":"http://agentprovider.com/agent-app-id"}}
            """, result);
    }

    [Fact]
    public void Map_NoContext_GetsAgent_ButAWrittenAgentIsKept()
    {
        var noContext = Call("t", "{}", Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"}}}"""));
        var ownAgent = Call("t", "{}", Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"},"context":{"agent":"declared"}}}"""));

        Assert.Equal("""{"agent":"http://agentprovider.com/agent-app-id"}""", noContext.Evaluation!.Context!.Value.GetRawText());
        Assert.Equal("""{"agent":"declared"}""", ownAgent.Evaluation!.Context!.Value.GetRawText());
    }

    [Fact]
    public void Map_DollarDollarAndLiterals_AreUsedVerbatim()
    {
        var tools = Tool("t", """
            {"evaluation":{"action":{"name":"$$pay"},"resource":{"type":"invoice","id":"claim::sub",
             "properties":{"price":"$$50","count":10,"flag":true,"nothing":null,"list":["a","$params.arguments.x",2],"nested":{"k":"$params.arguments.x"}}},
             "context":{"agent":"$token.?client_id"}}}
            """);

        var result = Call("t", """{"x":"y"}""", tools);

        Assert.Equal(CoazOutcome.Evaluation, result.Outcome);
        Assert.Equal("$pay", result.Evaluation!.Action!.Name);
        Assert.Equal("claim::sub", result.Evaluation.Resource!.Id);
        Assert.Equal("""{"price":"$50","count":10,"flag":true,"list":["a","y",2],"nested":{"k":"y"}}""",
            result.Evaluation.Resource.Properties!.Value.GetRawText());
    }

    [Fact]
    public void Map_OptionalAbsent_OmitsField_ButAPresentOneIsWritten()
    {
        var tools = Tool("t", """
            {"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1"},
             "context":{"agent":"$token.?client_id","region":"$params.arguments.?region","tenant":"$token.?tenant"}}}
            """);

        var absent = Call("t", "{}", tools);
        var present = Call("t", """{"region":"eu"}""", tools);

        Assert.Equal("""{"agent":"http://agentprovider.com/agent-app-id"}""", absent.Evaluation!.Context!.Value.GetRawText());
        Assert.Equal("""{"agent":"http://agentprovider.com/agent-app-id","region":"eu"}""", present.Evaluation!.Context!.Value.GetRawText());
    }

    [Fact]
    public void Map_ExpressionGivingAList_IsOneFieldValue_NotMoreEvaluations()
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1","properties":{"ids":"$params.arguments.ids"}}}}""");

        var result = Call("t", """{"ids":["a","b"]}""", tools);

        Assert.Equal(CoazOutcome.Evaluation, result.Outcome);
        Assert.Equal("""{"ids":["a","b"]}""", result.Evaluation!.Resource!.Properties!.Value.GetRawText());
    }

    [Fact]
    public void Map_PropertiesAsOneExpression_MustGiveAnObject()
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"r","id":"1","properties":"$params.arguments"}}}""");

        Assert.Equal("""{"k":1}""", Call("t", """{"k":1}""", tools).Evaluation!.Resource!.Properties!.Value.GetRawText());
        AssertMappingError("resource.properties", Mapper.Map("tools/call", Json("""{"name":"t","arguments":[1]}"""), Alice, tools));
    }

    [Fact]
    public void Map_TokenAud_IsTheMemberNamingThisServer()
    {
        var tools = Tool("t", """{"evaluation":{"action":{"name":"a"},"resource":{"type":"mcp_server","id":"$token.aud"}}}""");
        var single = Caller("""{"sub":"alice@example.com","aud":"https://mcp.example.com"}""");
        var array = Caller("""{"sub":"alice@example.com","aud":["https://api.example.com","https://mcp.example.com"]}""");
        var other = Caller("""{"sub":"alice@example.com","aud":["https://api.example.com","https://b.example.com"]}""");

        Assert.Equal(Server, Call("t", "{}", tools, single).Evaluation!.Resource!.Id);
        Assert.Equal(Server, Call("t", "{}", tools, array).Evaluation!.Resource!.Id);
        AssertMappingError("resource.id: expression $token.aud failed", Call("t", "{}", tools, other));
    }

    [Fact]
    public void Map_CaseDifferentToolName_DoesNotPickUpTheDeclaredMapping()
    {
        var tools = Tool("delete_file", """{"evaluation":{"action":{"name":"delete"},"resource":{"type":"file","id":"$params.arguments.path"}}}""");

        var exact = Call("delete_file", """{"path":"/etc/passwd"}""", tools);
        var differentCase = Call("Delete_File", """{"path":"/etc/passwd"}""", tools);

        Assert.Equal(("file", CoazMappingSource.Declared), (exact.Evaluation!.Resource!.Type, exact.Source));
        Assert.Equal(CoazMappingSource.Default, differentCase.Source);
        Assert.Equal(("tool", "Delete_File"), (differentCase.Evaluation!.Resource!.Type, differentCase.Evaluation.Resource.Id));
        Assert.Equal("tools/call", differentCase.Evaluation.Action!.Name);
    }

    [Fact]
    public void Map_DeclaredMapping_AppliesToToolsCallOfThatToolOnly()
    {
        var tools = Tool("get_customer", GetCustomerMapping);

        var list = Mapper.Map("tools/list", null, Alice, tools);
        var other = Call("other_tool", "{}", tools);

        Assert.Equal(("tools/list", CoazMappingSource.Default), (list.Evaluation!.Action!.Name, list.Source));
        Assert.Equal(("tools/call", CoazMappingSource.Default), (other.Evaluation!.Action!.Name, other.Source));
    }
}
