using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portcullis.Gateway.Demo;

namespace Portcullis.Tests.Demo;

/// <summary>The quickstart's Expense Management MCP server behind the gateway: the printed MCP curl commands pasted into
/// bash, and further calls with tokens from the development issuer. Only an analyst who signed in with a security key
/// (amr hwk) views and approves; each caller's tools/list shows only the tools they may call; denials are JSON-RPC -32001.</summary>
// One collection: the demo tests look at the temp folder, so they do not run beside each other.
[Collection("portcullis demo")]
public sealed partial class DemoMcpTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private static readonly string[] AllTools = ["list_expenses", "view_expense", "approve_expense"];

    private DemoProcess Demo => fixture.Demo;

    [Fact]
    public async Task ToolsListCommand_AnalystWithSecurityKey_SeesAllThreeTools()
    {
        var result = await CurlResult.RunAsync(Demo.McpCommands[0]);

        Assert.Equal(200, result.Status);
        using var response = McpResponse.Parse(result.Body);
        Assert.Equal(AllTools, McpResponse.ToolNames(response));
    }

    [Fact]
    public async Task ToolsListCommand_Employee_SeesOnlyListExpenses()
    {
        var result = await CurlResult.RunAsync(Demo.McpCommands[1]);

        Assert.Equal(200, result.Status);
        using var response = McpResponse.Parse(result.Body);
        Assert.Equal(["list_expenses"], McpResponse.ToolNames(response));
        Assert.DoesNotContain("view_expense", result.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("approve_expense", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewCommand_AnalystWithSecurityKey_GetsTheExpense()
    {
        var result = await CurlResult.RunAsync(Demo.McpCommands[2]);

        Assert.Equal(200, result.Status);
        using var response = McpResponse.Parse(result.Body);
        Assert.Equal(3, response.RootElement.GetProperty("id").GetInt32());
        using var expense = McpResponse.ToolJson(response);
        Assert.Equal(DemoBanner.ViewedExpense, expense.RootElement.GetProperty("id").GetString());
        Assert.Equal("dana", expense.RootElement.GetProperty("employee").GetString());
        Assert.Equal("Flight to the Berlin customer workshop", expense.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ViewCommand_AnalystWithPassword_JsonRpcError32001WithoutTheExpense()
    {
        var result = await CurlResult.RunAsync(Demo.McpCommands[3]);

        Assert.Equal(200, result.Status);
        using var response = McpResponse.Parse(result.Body);
        Assert.Equal(-32001, McpResponse.ErrorCode(response));
        Assert.Equal(4, response.RootElement.GetProperty("id").GetInt32());
        Assert.DoesNotContain("Berlin", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task McpTokenCommand_TokenNamesTheMcpResource_AndApprovesAsGrace()
    {
        var minted = await CurlResult.RunAsync(Demo.CurlCommands[8]);
        using var body = JsonDocument.Parse(minted.Body);
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        using var claims = JsonDocument.Parse(Base64UrlDecode(token.Split('.')[1]));
        Assert.Equal(Demo.McpEndpoint.AbsoluteUri, claims.RootElement.GetProperty("aud").GetString());
        Assert.Equal(DemoBanner.McpAllowedUser, claims.RootElement.GetProperty("sub").GetString());

        var (status, response) = await PostAsync(token, CallTool(11, "approve_expense", """{"id":"exp-1002","comment":"ok"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        using (response)
        using (var expense = McpResponse.ToolJson(response))
        {
            Assert.Equal("exp-1002", expense.RootElement.GetProperty("id").GetString());
            Assert.Equal("approved", expense.RootElement.GetProperty("status").GetString());
        }
    }

    [Theory]
    [InlineData("henry", "approve_expense", """{"id":"exp-1002"}""", false)] // analyst, password
    [InlineData("henry", "list_expenses", "{}", true)]
    [InlineData("erik", "view_expense", """{"id":"exp-1001"}""", false)]    // employee, security key
    [InlineData("erik", "approve_expense", """{"id":"exp-1001"}""", false)]
    [InlineData("erik", "list_expenses", "{}", true)]
    [InlineData("grace", "list_expenses", """{"status":"approved"}""", true)] // analyst, security key
    [InlineData("alice", "list_expenses", "{}", false)]                      // a documents admin: no expense role
    public async Task MintedMcpToken_ToolCalls_FollowThePolicies(string user, string tool, string arguments, bool allowed)
    {
        var (status, response) = await PostAsync(await MintAsync(user, Demo.McpEndpoint.AbsoluteUri), CallTool(21, tool, arguments));

        Assert.Equal(HttpStatusCode.OK, status);
        using (response)
        {
            if (allowed) McpResponse.ToolJson(response).Dispose();
            else Assert.Equal(-32001, McpResponse.ErrorCode(response));
        }
    }

    [Theory]
    [InlineData("henry", new[] { "list_expenses" })] // an analyst, but signed in with a password
    [InlineData("erik", new[] { "list_expenses" })]
    [InlineData("alice", new string[0])]
    public async Task MintedMcpToken_ToolsList_ShowsOnlyTheToolsTheCallerMayCall(string user, string[] expected)
    {
        var (status, response) = await PostAsync(await MintAsync(user, Demo.McpEndpoint.AbsoluteUri), """{"jsonrpc":"2.0","id":31,"method":"tools/list"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        using (response) Assert.Equal(expected, McpResponse.ToolNames(response));
    }

    [Fact]
    public async Task MintedMcpToken_Initialize_IsAllowedForAnySignedInUser()
    {
        var (status, response) = await PostAsync(await MintAsync("alice", Demo.McpEndpoint.AbsoluteUri), $$"""
            {"jsonrpc":"2.0","id":41,"method":"initialize","params":{"protocolVersion":"{{DemoMcpRequests.ProtocolVersion}}","capabilities":{},"clientInfo":{"name":"demo-test","version":"1.0.0"}
            """ + "}}");

        Assert.Equal(HttpStatusCode.OK, status);
        using (response) Assert.Equal("expense-server", McpResponse.Result(response).GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task DocumentsToken_OnTheMcpRoute_401InvalidTokenPointingAtTheResourceMetadata()
    {
        using var client = new HttpClient();
        using var request = McpRequest(await MintAsync("alice", resource: null), """{"jsonrpc":"2.0","id":51,"method":"tools/list"}""");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.Contains($"resource_metadata=\"{MetadataUrl}\"", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedResourceMetadata_NamesTheMcpResourceAndTheDemoIssuer()
    {
        using var client = new HttpClient();

        using var metadata = JsonDocument.Parse(await client.GetStringAsync(MetadataUrl));

        Assert.Equal(Demo.McpEndpoint.AbsoluteUri, metadata.RootElement.GetProperty("resource").GetString());
        Assert.Equal([Issuer().AbsoluteUri.TrimEnd('/')], metadata.RootElement.GetProperty("authorization_servers").EnumerateArray().Select(s => s.GetString()!.TrimEnd('/')));
    }

    [Fact]
    public async Task FreshDemo_DeniedUsersViewAsTheVeryFirstCall_IsStillDenied()
    {
        // The gateway decides a tools/call with the tool's declared mapping once it has seen a tools/list; before that,
        // with the default tools/call mapping ({type: tool, id: view_expense}), which policies/tool.yaml must decide as
        // strictly as policies/expense.yaml does.
        using var fresh = await DemoProcess.StartAsync();
        try
        {
            var denied = await CurlResult.RunAsync(fresh.McpCommands[3]);
            var allowed = await CurlResult.RunAsync(fresh.McpCommands[2]);

            using (var response = McpResponse.Parse(denied.Body)) Assert.Equal(-32001, McpResponse.ErrorCode(response));
            using (var response = McpResponse.Parse(allowed.Body)) McpResponse.ToolJson(response).Dispose();
        }
        finally
        {
            fresh.Process.SendSignal("INT");
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await fresh.Process.WaitForExitAsync(bound.Token);
        }
    }

    private Uri MetadataUrl => new(Demo.Gateway, "/.well-known/oauth-protected-resource/mcp");

    private static string CallTool(int id, string tool, string arguments) =>
        $$"""{"jsonrpc":"2.0","id":{{id}},"method":"tools/call","params":{"name":"{{tool}}","arguments":{{arguments}}""" + "}}";

    private HttpRequestMessage McpRequest(string token, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Demo.McpEndpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("Accept", DemoMcpRequests.Accept);
        request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", DemoMcpRequests.ProtocolVersion);
        return request;
    }

    private async Task<(HttpStatusCode Status, JsonDocument Response)> PostAsync(string token, string body)
    {
        using var client = new HttpClient();
        using var request = McpRequest(token, body);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, McpResponse.Parse(await response.Content.ReadAsStringAsync()));
    }

    private Uri Issuer() => new(IssuerTokenEndpoint().Replace("/token", "/", StringComparison.Ordinal));

    private string IssuerTokenEndpoint() => TokenEndpoint().Match(Demo.CurlCommands[3]).Value;

    private async Task<string> MintAsync(string user, string? resource)
    {
        using var client = new HttpClient();
        List<KeyValuePair<string, string>> form = [new("user", user)];
        if (resource is not null) form.Add(new("resource", resource));
        using var response = await client.PostAsync(IssuerTokenEndpoint(), new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private static byte[] Base64UrlDecode(string text) => Convert.FromBase64String(
        text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4));

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/token")]
    private static partial Regex TokenEndpoint();
}
