using Microsoft.IdentityModel.JsonWebTokens;

namespace Portcullis.Gateway.Authentication;

/// <summary>Checks <c>exp</c> and <c>nbf</c> against the injected clock, with the issuer's skew (RFC 7519 sections 4.1.4-4.1.5).</summary>
internal static class TokenLifetime
{
    /// <summary>Returns the failure, or null when the token is within its lifetime.</summary>
    public static AuthenticationResult? Check(JsonWebToken token, DateTimeOffset now, TimeSpan skew)
    {
        if (token.ValidTo == DateTime.MinValue)
            return AuthenticationResult.Fail(AuthenticationFailureKind.Malformed, "the token has no expiry");
        var expires = new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc));
        if (now >= expires + skew)
            return AuthenticationResult.Fail(AuthenticationFailureKind.Expired, "the token has expired");
        if (token.ValidFrom != DateTime.MinValue && now < new DateTimeOffset(DateTime.SpecifyKind(token.ValidFrom, DateTimeKind.Utc)) - skew)
            return AuthenticationResult.Fail(AuthenticationFailureKind.NotYetValid, "the token is not valid yet");
        return null;
    }
}
