namespace Portcullis.Gateway.Authentication;

/// <summary>Says why authentication failed, in words safe to show a client (never the token or a key).</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Description">A short, client-safe description (used as an RFC 6750 <c>error_description</c>).</param>
public sealed record AuthenticationFailure(AuthenticationFailureKind Kind, string Description);
