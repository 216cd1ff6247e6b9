namespace Portcullis.Gateway.Authentication;

/// <summary>Names why a request could not be authenticated.</summary>
public enum AuthenticationFailureKind
{
    /// <summary>No bearer token was presented (no header, or another scheme).</summary>
    Missing,

    /// <summary>The header or the token is not well formed (two headers, oversized, not a JWS, missing required claims).</summary>
    Malformed,

    /// <summary>The token's <c>exp</c> has passed, beyond the allowed clock skew.</summary>
    Expired,

    /// <summary>The token's <c>nbf</c> is in the future, beyond the allowed clock skew.</summary>
    NotYetValid,

    /// <summary>The signature does not verify with any of the issuer's keys.</summary>
    BadSignature,

    /// <summary>The token's <c>iss</c> is not a configured issuer.</summary>
    WrongIssuer,

    /// <summary>The token's <c>aud</c> contains none of the accepted audiences.</summary>
    WrongAudience,

    /// <summary>The token's header names an algorithm outside the issuer's allow-list (including <c>none</c> and HMAC).</summary>
    DisallowedAlgorithm,

    /// <summary>The token's <c>typ</c> header is not the required one.</summary>
    WrongType,

    /// <summary>The issuer's keys could not be obtained, so no token of that issuer can be trusted.</summary>
    IssuerUnavailable,
}
