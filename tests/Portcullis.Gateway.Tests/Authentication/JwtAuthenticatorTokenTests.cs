using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

public sealed class JwtAuthenticatorTokenTests
{
    [Fact]
    public async Task AuthenticateAsync_ValidRs256Token_ReturnsCallerWithItsClaims()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1, d =>
        {
            d.Claims["acr"] = "phr";
            d.Claims["amr"] = new[] { "hwk", "pop" };
            d.Claims["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "admin" } };
        });

        var result = await harness.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure?.Description);
        var caller = result.Caller;
        Assert.Equal("alice", caller.Subject);
        Assert.Equal(harness.Issuer, caller.Issuer);
        Assert.Equal("orders-web", caller.ClientId);
        Assert.Equal(["orders.read", "orders.write"], caller.Scopes);
        Assert.Equal("phr", caller.Acr);
        Assert.Equal(["hwk", "pop"], caller.Amr);
        Assert.Equal("admin", caller.Claims.GetProperty("realm_access").GetProperty("roles")[0].GetString());
        Assert.Equal(harness.Time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds(), caller.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task AuthenticateAsync_Es256TokenThroughDiscovery_ReturnsCallerWithScpAndAzp()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Ec1], discovery: true);
        var token = harness.Token(TestKey.Ec1, d =>
        {
            d.Claims.Remove("scope");
            d.Claims.Remove("client_id");
            d.Claims["scp"] = new[] { "a", "b" };
            d.Claims["azp"] = "spa";
        });

        var result = await harness.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure?.Description);
        Assert.Equal(["a", "b"], result.Caller.Scopes);
        Assert.Equal("spa", result.Caller.ClientId);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_FailsAsDisallowedAlgorithm()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var exp = harness.Time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = harness.Issuer, ["aud"] = AuthenticatorHarness.Audience, ["sub"] = "mallory", ["exp"] = exp,
        }));

        var result = await harness.AuthenticateAsync($"{header}.{payload}.");

        AssertFailure(result, AuthenticationFailureKind.DisallowedAlgorithm);
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256SignedWithTheRsaPublicKey_FailsAsDisallowedAlgorithm()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var secret = new SymmetricSecurityKey(Encoding.ASCII.GetBytes(TestKey.Rsa1.PublicKeyPem)) { KeyId = TestKey.Rsa1.KeyId };
        var token = harness.Token(TestKey.Rsa1, d => d.SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.DisallowedAlgorithm);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgorithmOffTheAllowListWithAVerifyingKey_FailsAsDisallowedAlgorithm()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1, d => d.SigningCredentials = TestKey.Rsa1.Credentials(SecurityAlgorithms.RsaSha384));

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.DisallowedAlgorithm);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondSkew_FailsAsExpired()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1);
        harness.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(31));

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.Expired);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinSkew_Succeeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1);
        harness.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(20));

        var result = await harness.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure?.Description);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidBeyondSkew_FailsAsNotYetValid()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1, d => d.NotBefore = harness.Time.GetUtcNow().UtcDateTime.AddSeconds(31));

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.NotYetValid);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidWithinSkew_Succeeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1, d => d.NotBefore = harness.Time.GetUtcNow().UtcDateTime.AddSeconds(20));

        var result = await harness.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure?.Description);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidWithZeroSkew_FailsAsNotYetValid()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1], configure: c => c with { ClockSkew = TimeSpan.Zero });
        var token = harness.Token(TestKey.Rsa1, d => d.NotBefore = harness.Time.GetUtcNow().UtcDateTime.AddSeconds(20));

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.NotYetValid);
    }

    [Fact]
    public async Task AuthenticateAsync_UntrustedIssuer_FailsAsWrongIssuer()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1, d => d.Issuer = "https://evil.example");

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.WrongIssuer);
        Assert.Equal(0, harness.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_FailsAsWrongAudience()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var token = harness.Token(TestKey.Rsa1, d => d.Audience = "api://billing");

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.WrongAudience);
    }

    [Fact]
    public async Task AuthenticateAsync_SignedByAnotherKeyUnderAKnownKid_FailsAsBadSignature()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var impostor = new RsaSecurityKey(((RsaSecurityKey)TestKey.Rsa2.PrivateKey).Rsa) { KeyId = TestKey.Rsa1.KeyId };
        var token = harness.Token(TestKey.Rsa1, d => d.SigningCredentials = new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256));

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.BadSignature);
    }

    [Fact]
    public async Task AuthenticateAsync_PayloadTamperedAfterSigning_FailsAsBadSignature()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);
        var parts = harness.Token(TestKey.Rsa1).Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var forged = claims.ToDictionary(p => p.Key, p => p.Key == "sub" ? JsonSerializer.SerializeToElement("root") : p.Value);
        var token = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(forged))}.{parts[2]}";

        var result = await harness.AuthenticateAsync(token);

        AssertFailure(result, AuthenticationFailureKind.BadSignature);
    }

    [Fact]
    public async Task AuthenticateAsync_RequiredTypeAtJwtAndPlainJwt_FailsAsWrongType()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1], configure: c => c with { RequiredType = "at+jwt" });

        var plain = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1));
        var accessToken = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1, d => d.TokenType = "at+jwt"));

        AssertFailure(plain, AuthenticationFailureKind.WrongType);
        Assert.True(accessToken.Succeeded, accessToken.Failure?.Description);
    }

    [Fact]
    public async Task AuthenticateAsync_NoSubject_FailsAsMalformed()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);

        var result = await harness.AuthenticateAsync(harness.Token(TestKey.Rsa1, d => d.Claims.Remove("sub")));

        AssertFailure(result, AuthenticationFailureKind.Malformed);
    }

    [Fact]
    public async Task AuthenticateAsync_NotAJwt_FailsAsMalformed()
    {
        await using var harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);

        var result = await harness.AuthenticateAsync("not-a-jwt");

        AssertFailure(result, AuthenticationFailureKind.Malformed);
    }

    private static void AssertFailure(AuthenticationResult result, AuthenticationFailureKind expected)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Failure.Kind);
        Assert.DoesNotContain("eyJ", result.Failure.Description, StringComparison.Ordinal);
    }
}
