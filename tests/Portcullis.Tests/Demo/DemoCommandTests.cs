using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portcullis.Tests.Demo;

/// <summary>The quickstart as a user runs it: <c>portcullis demo</c>, then the printed curl commands pasted into bash.</summary>
// One collection: the demo tests look at the temp folder, so they do not run beside each other.
[Collection("portcullis demo")]
public sealed partial class DemoCommandTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private DemoProcess Demo => fixture.Demo;

    [Fact]
    public void Banner_PrintsFourDocumentCommandsThenFiveMcpCommandsAgainstTheBoundGatewayPort()
    {
        Assert.Equal(9, Demo.CurlCommands.Count);
        Assert.NotEqual(0, Demo.Gateway.Port);
        Assert.All(Demo.CurlCommands.Take(3), c => Assert.Contains($"{Demo.Gateway.AbsoluteUri.TrimEnd('/')}/documents/doc-1", c, StringComparison.Ordinal));
        Assert.Equal(Demo.CurlCommands.Skip(4).Take(4), Demo.McpCommands);
        Assert.All(Demo.McpCommands, c => Assert.StartsWith($"curl -si {Demo.McpEndpoint.AbsoluteUri} ", c, StringComparison.Ordinal));
        Assert.EndsWith($"-d resource={Demo.McpEndpoint.AbsoluteUri}", Demo.CurlCommands[8], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedCommand_AliceReadsConfidentialDocument_200WithTheDocument()
    {
        var result = await CurlResult.RunAsync(Demo.CurlCommands[0]);

        Assert.Equal(200, result.Status);
        using var body = JsonDocument.Parse(result.Body);
        Assert.Equal("doc-1", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("confidential", body.RootElement.GetProperty("classification").GetString());
        Assert.Equal("Acme board minutes, Q3", body.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DeniedCommand_BobWithPassword_403ProblemJsonWithoutTheDocument()
    {
        var result = await CurlResult.RunAsync(Demo.CurlCommands[1]);

        Assert.Equal(403, result.Status);
        Assert.StartsWith("application/problem+json", result.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(result.Body);
        Assert.Equal(403, body.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("board", result.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NoTokenCommand_401WithParseableBearerChallenge()
    {
        var result = await CurlResult.RunAsync(Demo.CurlCommands[2]);

        Assert.Equal(401, result.Status);
        var challenge = result.Header("WWW-Authenticate");
        Assert.NotNull(challenge);
        Assert.Matches(BearerChallenge(), challenge);
    }

    [Fact]
    public async Task MintCommand_GivesCarolATokenForGlobexOnly()
    {
        var minted = await CurlResult.RunAsync(Demo.CurlCommands[3]);
        using var response = JsonDocument.Parse(minted.Body);
        var token = response.RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal("Bearer", response.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(3600, response.RootElement.GetProperty("expires_in").GetInt32());

        using var client = new HttpClient { BaseAddress = Demo.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var own = await client.GetAsync("/documents/doc-3");
        using var acme = await client.GetAsync("/documents/doc-1");

        Assert.Equal(200, (int)own.StatusCode);
        Assert.Contains("Globex research roadmap", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(403, (int)acme.StatusCode);
    }

    [Theory]
    [InlineData("bob", "/documents/doc-2", 200)]      // public document of his tenant: a password is enough
    [InlineData("carol", "/documents/doc-2", 403)]    // another tenant's public document
    [InlineData("alice", "/documents/doc-999", 403)]  // unknown document: denied, its absence not revealed
    [InlineData("alice", "/tenants/acme/documents", 200)]
    [InlineData("alice", "/tenants/globex/documents", 403)]
    public async Task MintedToken_OtherRequests_FollowThePolicies(string user, string path, int expected)
    {
        using var client = new HttpClient { BaseAddress = Demo.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MintAsync(user));

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task TenantListing_ShowsOnlyThatTenantsDocuments()
    {
        using var client = new HttpClient { BaseAddress = Demo.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MintAsync("bob"));

        using var body = JsonDocument.Parse(await client.GetStringAsync("/tenants/acme/documents"));

        var ids = body.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(["doc-1", "doc-2"], ids);
    }

    [Fact]
    public async Task TokenEndpoint_UnknownUser_400InvalidRequest()
    {
        var command = Demo.CurlCommands[3].Replace("user=carol", "user=mallory", StringComparison.Ordinal);
        Assert.NotEqual(Demo.CurlCommands[3], command);

        var result = await CurlResult.RunAsync(command + " -i");

        Assert.Equal(400, result.Status);
        using var body = JsonDocument.Parse(result.Body);
        Assert.Equal("invalid_request", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task BusyPort_ExitsOneWithAClearMessageAndNoTempFolderLeft()
    {
        using var busy = new TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var before = DemoFolders();

        var result = await PortcullisCli.RunAsync(["demo", "--urls", $"http://127.0.0.1:{port}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(DemoFolders().Except(before));
    }

    private static HashSet<string> DemoFolders() => [.. Directory.EnumerateDirectories(Path.GetTempPath(), "portcullis-demo-*")];

    private async Task<string> MintAsync(string user)
    {
        var issuer = Regex.Match(Demo.CurlCommands[3], @"http://127\.0\.0\.1:\d+/token").Value;
        using var client = new HttpClient();
        using var response = await client.PostAsync(issuer, new FormUrlEncodedContent([new("user", user)]));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    // RFC 6750 section 3: Bearer, optionally followed by auth-params name="value" separated by commas.
    [GeneratedRegex("""^Bearer( [a-z_]+="[^"\\]*"(, ?[a-z_]+="[^"\\]*")*)?$""")]
    private static partial Regex BearerChallenge();
}
