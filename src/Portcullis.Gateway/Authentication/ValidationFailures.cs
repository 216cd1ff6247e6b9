using Microsoft.IdentityModel.Tokens;

namespace Portcullis.Gateway.Authentication;

/// <summary>Turns the token handler's validation exceptions into client-safe failure values.</summary>
internal static class ValidationFailures
{
    public static AuthenticationResult From(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => AuthenticationResult.Fail(AuthenticationFailureKind.Expired, "the token has expired"),
        SecurityTokenNotYetValidException => AuthenticationResult.Fail(AuthenticationFailureKind.NotYetValid, "the token is not valid yet"),
        SecurityTokenNoExpirationException => AuthenticationResult.Fail(AuthenticationFailureKind.Malformed, "the token has no expiry"),
        SecurityTokenInvalidAudienceException => AuthenticationResult.Fail(AuthenticationFailureKind.WrongAudience, "the token is not meant for this audience"),
        SecurityTokenInvalidIssuerException => AuthenticationResult.Fail(AuthenticationFailureKind.WrongIssuer, "the token's issuer is not trusted"),
        SecurityTokenInvalidAlgorithmException => AuthenticationResult.Fail(AuthenticationFailureKind.DisallowedAlgorithm, "the token's signing algorithm is not accepted"),
        SecurityTokenInvalidTypeException => AuthenticationResult.Fail(AuthenticationFailureKind.WrongType, "the token's type is not accepted"),
        SecurityTokenInvalidSignatureException => AuthenticationResult.Fail(AuthenticationFailureKind.BadSignature, "the token's signature is not valid"),
        SecurityTokenMalformedException or ArgumentException => Malformed,
        _ => AuthenticationResult.Fail(AuthenticationFailureKind.Malformed, "the token is not valid"),
    };

    public static AuthenticationResult Malformed { get; } =
        AuthenticationResult.Fail(AuthenticationFailureKind.Malformed, "the token is not a well-formed signed JWT");
}
