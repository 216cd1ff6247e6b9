using System.Diagnostics.CodeAnalysis;

namespace Portcullis.Gateway.Authentication;

/// <summary>Carries the outcome of authenticating a request: a <see cref="Caller"/> or an <see cref="AuthenticationFailure"/>.</summary>
public sealed class AuthenticationResult
{
    private AuthenticationResult(Caller? caller, AuthenticationFailure? failure)
    {
        Caller = caller;
        Failure = failure;
    }

    /// <summary>Gets the authenticated caller, when authentication succeeded.</summary>
    public Caller? Caller { get; }

    /// <summary>Gets the failure, when authentication failed.</summary>
    public AuthenticationFailure? Failure { get; }

    /// <summary>Gets a value indicating whether the request was authenticated.</summary>
    [MemberNotNullWhen(true, nameof(Caller))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Caller is not null;

    /// <summary>Creates a successful result.</summary>
    /// <param name="caller">The authenticated caller.</param>
    /// <returns>The result.</returns>
    public static AuthenticationResult Success(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new AuthenticationResult(caller, null);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="kind">The kind of failure.</param>
    /// <param name="description">A client-safe description; never the token.</param>
    /// <returns>The result.</returns>
    public static AuthenticationResult Fail(AuthenticationFailureKind kind, string description) =>
        new(null, new AuthenticationFailure(kind, description));
}
