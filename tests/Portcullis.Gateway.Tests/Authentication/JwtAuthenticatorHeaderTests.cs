using Microsoft.Extensions.Primitives;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

public sealed class JwtAuthenticatorHeaderTests : IAsyncLifetime
{
    private AuthenticatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await AuthenticatorHarness.StartAsync([TestKey.Rsa1]);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task AuthenticateAsync_NoHeader_FailsAsMissing()
    {
        var result = await harness.Authenticator.AuthenticateAsync(StringValues.Empty);

        Assert.Equal(AuthenticationFailureKind.Missing, result.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_TwoAuthorizationHeaders_FailsAsMalformed()
    {
        var token = harness.Token(TestKey.Rsa1);

        var result = await harness.Authenticator.AuthenticateAsync(new StringValues(["Bearer " + token, "Bearer " + token]));

        Assert.Equal(AuthenticationFailureKind.Malformed, result.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_TwoTokensFoldedIntoOneHeader_FailsAsMalformed()
    {
        var token = harness.Token(TestKey.Rsa1);

        var result = await harness.Authenticator.AuthenticateAsync($"Bearer {token}, Bearer {token}");

        Assert.Equal(AuthenticationFailureKind.Malformed, result.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_64KbHeader_FailsAsMalformedWithoutFetchingKeys()
    {
        var result = await harness.Authenticator.AuthenticateAsync("Bearer " + new string('a', 64 * 1024));

        Assert.Equal(AuthenticationFailureKind.Malformed, result.Failure?.Kind);
        Assert.Equal(0, harness.Server.JwksRequests);
    }

    [Theory]
    [InlineData("Basic YWxpY2U6c2VjcmV0")]
    [InlineData("Token abc")]
    [InlineData("   ")]
    public async Task AuthenticateAsync_NoBearerScheme_FailsAsMissing(string header)
    {
        var result = await harness.Authenticator.AuthenticateAsync(header);

        Assert.Equal(AuthenticationFailureKind.Missing, result.Failure?.Kind);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer ===")]
    [InlineData("Bearer a b")]
    public async Task AuthenticateAsync_EmptyOrIllFormedBearerToken_FailsAsMalformed(string header)
    {
        var result = await harness.Authenticator.AuthenticateAsync(header);

        Assert.Equal(AuthenticationFailureKind.Malformed, result.Failure?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_SchemeInAnotherCase_Succeeds()
    {
        var result = await harness.Authenticator.AuthenticateAsync("bearer " + harness.Token(TestKey.Rsa1));

        Assert.True(result.Succeeded, result.Failure?.Description);
    }
}
