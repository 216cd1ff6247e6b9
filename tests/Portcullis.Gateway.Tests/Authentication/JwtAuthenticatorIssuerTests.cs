using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

public sealed class JwtAuthenticatorIssuerTests
{
    private static readonly JsonWebTokenHandler Signer = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AuthenticateAsync_SeveralIssuers_ValidatesEachTokenWithItsOwnIssuersKeysAndAudiences()
    {
        await using var first = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        await using var second = await TestIssuerServer.StartAsync(TestKey.Ec1);
        using var http = new HttpClient();
        var authenticator = new JwtAuthenticator(
            new JwtAuthenticationConfig
            {
                Issuers =
                [
                    new JwtIssuerConfig { Issuer = first.Issuer, JwksUri = first.JwksUri, Audiences = ["api://orders"] },
                    new JwtIssuerConfig { Issuer = second.Issuer, Discovery = second.DiscoveryUri, Audiences = ["api://billing"] },
                ],
            },
            http,
            time);

        var fromFirst = await authenticator.AuthenticateAsync("Bearer " + Sign(TestKey.Rsa1, first.Issuer, "api://orders"));
        var fromSecond = await authenticator.AuthenticateAsync("Bearer " + Sign(TestKey.Ec1, second.Issuer, "api://billing"));
        var secondsKeyClaimingFirst = await authenticator.AuthenticateAsync("Bearer " + Sign(TestKey.Ec1, first.Issuer, "api://orders"));
        var firstsAudienceAtSecond = await authenticator.AuthenticateAsync("Bearer " + Sign(TestKey.Ec1, second.Issuer, "api://orders"));

        Assert.Equal(first.Issuer, fromFirst.Caller?.Issuer);
        Assert.Equal(second.Issuer, fromSecond.Caller?.Issuer);
        Assert.Equal(AuthenticationFailureKind.BadSignature, secondsKeyClaimingFirst.Failure?.Kind);
        Assert.Equal(AuthenticationFailureKind.WrongAudience, firstsAudienceAtSecond.Failure?.Kind);
    }

    private string Sign(TestKey key, string issuer, string audience)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Signer.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = key.Credentials(),
            Claims = new Dictionary<string, object> { ["sub"] = "bob" },
        });
    }
}
