using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Portcullis.Gateway.Authentication;
using Portcullis.Gateway.Demo;

namespace Portcullis.Gateway.Tests.Demo;

/// <summary>The development issuer on a real loopback port, its tokens checked by the gateway's own authenticator.</summary>
public sealed class DevTokenIssuerTests : IAsyncLifetime
{
    private const string McpResource = "http://127.0.0.1:8080/mcp";

    private readonly HttpClient http = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));
    private DevTokenIssuer issuer = null!;

    public async Task InitializeAsync() => issuer = await DevTokenIssuer.StartAsync(new DevTokenIssuerOptions
    {
        Users = DemoUsers.Parse("""
            alice: {sub: alice, tenant: acme, roles: [admin], acr: phr, amr: [hwk]}
            bob: {sub: bob, tenant: acme, roles: [admin], amr: [pwd]}
            """),
        Resources = [McpResource],
        TimeProvider = time,
    });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await issuer.DisposeAsync();
    }

    [Fact]
    public async Task MintedToken_PassesTheGatewaysAuthenticatorThroughDiscovery()
    {
        var authenticator = Authenticator();

        var result = await authenticator.AuthenticateAsync("Bearer " + issuer.MintToken("alice"));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("alice", result.Caller!.Subject);
        Assert.Equal("phr", result.Caller.Acr);
        Assert.Equal(["hwk"], result.Caller.Amr);
        Assert.Equal("acme", result.Caller.Claims.GetProperty("tenant").GetString());
        Assert.Equal(time.GetUtcNow().AddHours(1), result.Caller.ExpiresAt);
    }

    [Fact]
    public async Task MintedToken_AfterItsHour_IsRejected()
    {
        var authenticator = Authenticator();
        var token = issuer.MintToken("bob");

        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var result = await authenticator.AuthenticateAsync("Bearer " + token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task TokenEndpoint_FormUser_AnswersAsOAuthWithNoStore()
    {
        using var response = await http.PostAsync(issuer.TokenEndpoint, new FormUrlEncodedContent([new("user", "bob")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.Equal(3600, (int?)body["expires_in"]);
        var header = JsonNode.Parse(Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(((string)body["access_token"]!).Split('.')[0])))!;
        Assert.Equal("at+jwt", (string?)header["typ"]);
        Assert.Equal("RS256", (string?)header["alg"]);
    }

    [Theory]
    [InlineData("user=mallory", "application/x-www-form-urlencoded")]
    [InlineData("", "application/x-www-form-urlencoded")]
    [InlineData("""{"user":"alice"}""", "application/json")]
    public async Task TokenEndpoint_BadRequest_400InvalidRequestWithoutToken(string content, string mediaType)
    {
        using var response = await http.PostAsync(issuer.TokenEndpoint, new StringContent(content, Encoding.UTF8, mediaType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal("invalid_request", body.RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("access_token", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenEndpoint_ConfiguredResource_TokenHasThatAudienceAlone()
    {
        using var response = await http.PostAsync(issuer.TokenEndpoint, new FormUrlEncodedContent([new("user", "alice"), new("resource", McpResource)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
        var result = await Authenticator(McpResource).AuthenticateAsync("Bearer " + token);
        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(McpResource, result.Caller!.Claims.GetProperty("aud").GetString());
        Assert.False((await Authenticator().AuthenticateAsync("Bearer " + token)).Succeeded);
    }

    [Theory]
    [InlineData("https://evil.example/mcp")]
    [InlineData("http://127.0.0.1:8080/mcp/")]
    [InlineData("")]
    public async Task TokenEndpoint_UnknownResource_400InvalidTargetWithoutToken(string resource)
    {
        using var response = await http.PostAsync(issuer.TokenEndpoint, new FormUrlEncodedContent([new("user", "alice"), new("resource", resource)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal("invalid_target", body.RootElement.GetProperty("error").GetString());
        Assert.Contains(McpResource, body.RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenEndpoint_TwoResources_400InvalidTarget()
    {
        using var response = await http.PostAsync(issuer.TokenEndpoint, new FormUrlEncodedContent([new("user", "alice"), new("resource", McpResource), new("resource", McpResource)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_target", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void MintToken_UnknownResource_ThrowsNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => issuer.MintToken("alice", "https://evil.example/mcp"));

        Assert.Contains(McpResource, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_NamesIssuerJwksAndTokenEndpoint()
    {
        var body = JsonNode.Parse(await http.GetStringAsync(issuer.DiscoveryUri))!;

        Assert.Equal(issuer.Issuer, (string?)body["issuer"]);
        Assert.Equal(issuer.JwksUri.AbsoluteUri, (string?)body["jwks_uri"]);
        Assert.Equal(issuer.TokenEndpoint.AbsoluteUri, (string?)body["token_endpoint"]);
    }

    [Fact]
    public void MintToken_UnknownUser_ThrowsNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => issuer.MintToken("mallory"));

        Assert.Contains("alice, bob", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice: {tenant: acme}", "users.alice: needs a string 'sub' claim")]
    [InlineData("alice: [x]", "users.alice: must be a mapping of claims")]
    [InlineData("- alice", "users: must be a mapping of user name to claims")]
    public void DemoUsers_BadFile_SaysWhatIsWrong(string yaml, string message)
    {
        var error = Assert.Throws<FormatException>(() => DemoUsers.Parse(yaml));

        Assert.Equal(message, error.Message);
    }

    private JwtAuthenticator Authenticator(string? audience = null) => new(
        new JwtAuthenticationConfig
        {
            Issuers = [new JwtIssuerConfig { Issuer = issuer.Issuer, Discovery = issuer.DiscoveryUri, Audiences = [audience ?? issuer.Audience], RequiredType = DevTokenIssuer.TokenType }],
        },
        http,
        time);
}
