using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

public sealed class BearerChallengeTests
{
    [Fact]
    public void Format_MissingToken_HasRealmAndNoErrorAttribute()
    {
        var header = BearerChallenge.Format(new AuthenticationFailure(AuthenticationFailureKind.Missing, "no bearer token was presented"), realm: "orders");

        var (scheme, parameters) = ChallengeParser.Parse(header);

        Assert.Equal("Bearer", scheme);
        Assert.Equal("orders", parameters["realm"]);
        Assert.False(parameters.ContainsKey("error"));
        Assert.False(parameters.ContainsKey("error_description"));
    }

    [Fact]
    public void Format_NoFailureAndNoAttributes_IsTheBareScheme()
    {
        Assert.Equal("Bearer", BearerChallenge.Format(null));
    }

    [Fact]
    public void Format_ExpiredToken_ParsesWithInvalidTokenAndDescription()
    {
        var header = BearerChallenge.Format(
            new AuthenticationFailure(AuthenticationFailureKind.Expired, "the token has expired"),
            realm: "orders",
            resourceMetadata: new Uri("https://api.example/.well-known/oauth-protected-resource"),
            scope: "orders.read orders.write");

        var (scheme, parameters) = ChallengeParser.Parse(header);

        Assert.Equal("Bearer", scheme);
        Assert.Equal("orders", parameters["realm"]);
        Assert.Equal("invalid_token", parameters["error"]);
        Assert.Equal("the token has expired", parameters["error_description"]);
        Assert.Equal("https://api.example/.well-known/oauth-protected-resource", parameters["resource_metadata"]);
        Assert.Equal("orders.read orders.write", parameters["scope"]);
    }

    [Fact]
    public void Format_ValuesWithQuotesBackslashesAndControlCharacters_StillParse()
    {
        var header = BearerChallenge.Format(
            new AuthenticationFailure(AuthenticationFailureKind.BadSignature, "bad \"sig\" \\ here\r\nX-Injected: 1"),
            realm: "my \"realm\" \\ é");

        var (_, parameters) = ChallengeParser.Parse(header);

        Assert.DoesNotContain('\n', header);
        Assert.DoesNotContain('"', parameters["realm"]);
        Assert.StartsWith("bad 'sig' ' here", parameters["error_description"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AuthenticationFailureKind.Malformed)]
    [InlineData(AuthenticationFailureKind.NotYetValid)]
    [InlineData(AuthenticationFailureKind.WrongIssuer)]
    [InlineData(AuthenticationFailureKind.WrongAudience)]
    [InlineData(AuthenticationFailureKind.DisallowedAlgorithm)]
    [InlineData(AuthenticationFailureKind.WrongType)]
    [InlineData(AuthenticationFailureKind.IssuerUnavailable)]
    public void Format_EveryFailureButMissing_SaysInvalidToken(AuthenticationFailureKind kind)
    {
        var (_, parameters) = ChallengeParser.Parse(BearerChallenge.Format(new AuthenticationFailure(kind, "why")));

        Assert.Equal("invalid_token", parameters["error"]);
    }
}
