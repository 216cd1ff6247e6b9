using System.Net;
using System.Text.Json;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The decision records <c>portcullis serve</c> prints for MCP requests (stdout JSON lines): a tools/call
/// record names the JSON-RPC method and id, the tool, the decision, the agent (client id) and the user; tool arguments
/// appear only on a route with <c>mcp.log_arguments: true</c>; no token ever appears.</summary>
public sealed class McpDecisionRecordTests(ExpenseRecordsFixture fixture) : IClassFixture<ExpenseRecordsFixture>
{
    [Fact]
    public async Task AllowedToolsCall_Record_CarriesMethodIdToolDecisionClientAndSubject_ButNoArguments()
    {
        using var session = await McpHttpSession.StartAsync(Endpoint(fixture.Default), fixture.Token("rec-ana", ["analyst"], ["hwk"]));

        var response = await session.RequestAsync("tools/call", "\"call-7\"", """{"name":"view_expense","arguments":{"id":"exp-1002"}}""", "rec-allowed");

        Assert.True(response.TryGetProperty("result", out _), response.ToString());
        var (record, line) = await DecisionRecordLines.WaitForAsync(fixture.Default, "rec-allowed");
        Assert.Equal("rec-ana", record.GetProperty("subject").GetString());
        Assert.Equal("expense-agent", record.GetProperty("client_id").GetString());
        Assert.Equal("allow", record.GetProperty("decision").GetString());
        var message = Assert.Single(record.GetProperty("mcp").EnumerateArray());
        Assert.Equal("request", message.GetProperty("kind").GetString());
        Assert.Equal("tools/call", message.GetProperty("method").GetString());
        Assert.Equal("\"call-7\"", message.GetProperty("id").GetString());
        Assert.Equal("view_expense", message.GetProperty("name").GetString());
        Assert.Equal("allow", message.GetProperty("decision").GetString());
        Assert.False(message.TryGetProperty("arguments", out _), line);
        Assert.DoesNotContain("exp-1002", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeniedToolsCall_Record_CarriesTheDenialAndItsErrorCode()
    {
        using var session = await McpHttpSession.StartAsync(Endpoint(fixture.Default), fixture.Token("rec-pat", ["analyst"], ["pwd"]));

        var response = await session.RequestAsync("tools/call", "8", """{"name":"approve_expense","arguments":{"id":"exp-1001","comment":"looks fine"}}""", "rec-denied");

        Assert.Equal(-32001, response.GetProperty("error").GetProperty("code").GetInt32());
        var (record, line) = await DecisionRecordLines.WaitForAsync(fixture.Default, "rec-denied");
        Assert.Equal("rec-pat", record.GetProperty("subject").GetString());
        Assert.Equal("expense-agent", record.GetProperty("client_id").GetString());
        Assert.Equal("deny", record.GetProperty("decision").GetString());
        var message = Assert.Single(record.GetProperty("mcp").EnumerateArray());
        Assert.Equal("tools/call", message.GetProperty("method").GetString());
        Assert.Equal("8", message.GetProperty("id").GetString());
        Assert.Equal("approve_expense", message.GetProperty("name").GetString());
        Assert.Equal("deny", message.GetProperty("decision").GetString());
        Assert.Equal(-32001, message.GetProperty("error_code").GetInt32());
        Assert.DoesNotContain("looks fine", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolsCall_OnARouteThatLogsArguments_RecordCarriesThem()
    {
        using var session = await McpHttpSession.StartAsync(Endpoint(fixture.LoggingArguments), fixture.Token("rec-ann", ["analyst"], ["hwk"]));

        await session.RequestAsync("tools/call", "9", """{"name":"approve_expense","arguments":{"id":"exp-1003","comment":"approved twice"}}""", "rec-arguments");

        var (record, _) = await DecisionRecordLines.WaitForAsync(fixture.LoggingArguments, "rec-arguments");
        var message = Assert.Single(record.GetProperty("mcp").EnumerateArray());
        Assert.Equal("approve_expense", message.GetProperty("name").GetString());
        using var arguments = JsonDocument.Parse(message.GetProperty("arguments").GetString()!);
        Assert.Equal("exp-1003", arguments.RootElement.GetProperty("id").GetString());
        Assert.Equal("approved twice", arguments.RootElement.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task SessionRequests_GetStreamAndDelete_AreAuthorizedLikeInitialize_AndRecordedAsSessionMessages()
    {
        using var session = await McpHttpSession.StartAsync(Endpoint(fixture.Default), fixture.Token("rec-sid", ["employee"], ["pwd"]));

        var stream = await session.OpenStreamAsync("rec-get");
        var end = await session.EndAsync("rec-delete");

        Assert.Equal(HttpStatusCode.OK, stream);
        Assert.Equal(HttpStatusCode.OK, end);
        foreach (var (requestId, method) in new[] { ("rec-get", "GET"), ("rec-delete", "DELETE") })
        {
            var (record, line) = await DecisionRecordLines.WaitForAsync(fixture.Default, requestId);
            Assert.Equal(method, record.GetProperty("method").GetString());
            Assert.Equal("allow", record.GetProperty("decision").GetString());
            var message = Assert.Single(record.GetProperty("mcp").EnumerateArray());
            Assert.Equal("session", message.GetProperty("kind").GetString());
            Assert.Equal("initialize", message.GetProperty("method").GetString());
            Assert.True(message.GetProperty("decision").GetString() == "allow", line);
        }
    }

    [Fact]
    public async Task Output_OfBothGateways_HoldsNoTokenText()
    {
        var token = fixture.Token("rec-tia", ["analyst"], ["hwk"]);
        foreach (var gateway in new[] { fixture.Default, fixture.LoggingArguments })
        {
            using var session = await McpHttpSession.StartAsync(Endpoint(gateway), token);
            await session.RequestAsync("tools/call", "10", """{"name":"view_expense","arguments":{"id":"exp-1001"}}""", $"rec-token-{gateway.BaseAddress.Port}");
            await DecisionRecordLines.WaitForAsync(gateway, $"rec-token-{gateway.BaseAddress.Port}");
        }

        foreach (var gateway in new[] { fixture.Default, fixture.LoggingArguments })
        {
            foreach (var issued in fixture.Tokens)
            {
                var parts = issued.Split('.');
                Assert.DoesNotContain(parts[1], gateway.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(parts[2], gateway.Output, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("Bearer", gateway.Output, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static Uri Endpoint(PortcullisGatewayProcess gateway) => new(gateway.BaseAddress, "/mcp");
}
