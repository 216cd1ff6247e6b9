using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portcullis.Gateway.Authentication;

/// <summary>Authenticates requests by the JWT in their <c>Authorization: Bearer</c> header, against several issuers.</summary>
/// <remarks>
/// The token's <c>iss</c> picks the issuer before anything is verified; its header <c>alg</c> must be on that issuer's
/// allow-list (never <c>none</c>, never HMAC) whatever key it names. Signature, <c>iss</c>, <c>aud</c>,
/// <c>exp</c>/<c>nbf</c> (with skew) and the optional <c>typ</c> are checked by <see cref="JsonWebTokenHandler"/>.
/// Outcomes are values: no exception escapes for a bad token or an unavailable issuer.
/// See <see href="https://www.rfc-editor.org/rfc/rfc6750">RFC 6750</see>, <see href="https://www.rfc-editor.org/rfc/rfc8725">RFC 8725</see>
/// and <see href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</see>.
/// </remarks>
public sealed class JwtAuthenticator
{
    private static readonly JsonWebTokenHandler Handler = new();
    private readonly FrozenDictionary<string, IssuerKeySource> issuers;
    private readonly ValidatedTokenCache? cache;
    private readonly TimeProvider time;
    private long signatureValidations;

    /// <summary>Creates an authenticator for the configured issuers.</summary>
    /// <param name="config">The issuers and cache settings; checked with <see cref="JwtIssuerConfigValidator"/>.</param>
    /// <param name="httpClient">The client used for discovery and JWKS requests.</param>
    /// <param name="timeProvider">The clock for token lifetimes and key caching. Defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger. Defaults to none.</param>
    /// <exception cref="ArgumentException">The configuration has problems; the message lists all of them.</exception>
    public JwtAuthenticator(JwtAuthenticationConfig config, HttpClient httpClient, TimeProvider? timeProvider = null, ILogger<JwtAuthenticator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(httpClient);
        var problems = JwtIssuerConfigValidator.Validate(config);
        if (problems.Count > 0)
            throw new ArgumentException("Invalid authentication configuration: " + string.Join("; ", problems), nameof(config));
        time = timeProvider ?? TimeProvider.System;
        var log = (ILogger?)logger ?? NullLogger.Instance;
        issuers = config.Issuers.ToFrozenDictionary(i => i.Issuer, i => new IssuerKeySource(i, httpClient, time, log), StringComparer.Ordinal);
        cache = config.ValidatedTokenCacheSize > 0 ? new ValidatedTokenCache(config.ValidatedTokenCacheSize, time) : null;
    }

    /// <summary>Gets how many tokens went through full signature validation (a test and metrics seam).</summary>
    internal long SignatureValidations => Interlocked.Read(ref signatureValidations);

    /// <summary>Gets the key source of an issuer (a test seam).</summary>
    internal IssuerKeySource KeySource(string issuer) => issuers[issuer];

    /// <summary>Authenticates a request from its <c>Authorization</c> header values.</summary>
    /// <param name="authorization">Every <c>Authorization</c> header value of the request (more than one is refused).</param>
    /// <param name="cancellationToken">Cancels waiting for the issuer's keys.</param>
    /// <returns>The caller, or the failure; never throws for a bad token or an unavailable issuer.</returns>
    public ValueTask<AuthenticationResult> AuthenticateAsync(StringValues authorization, CancellationToken cancellationToken = default) =>
        AuthenticateAsync(authorization, null, cancellationToken);

    /// <summary>Authenticates a request from its <c>Authorization</c> header values, taking the token's digest from
    /// <paramref name="memo"/> (the request's connection) when the header is the one it remembers.</summary>
    /// <param name="authorization">Every <c>Authorization</c> header value of the request (more than one is refused).</param>
    /// <param name="memo">The connection's memo of its last token, or null.</param>
    /// <param name="cancellationToken">Cancels waiting for the issuer's keys.</param>
    /// <returns>The caller, or the failure; never throws for a bad token or an unavailable issuer.</returns>
    internal ValueTask<AuthenticationResult> AuthenticateAsync(StringValues authorization, ConnectionTokenMemo? memo, CancellationToken cancellationToken = default)
    {
        if (!BearerHeader.TryExtract(authorization, out var token, out var failure))
            return ValueTask.FromResult(failure!);
        var digest = memo is not null ? memo.DigestOf(authorization[0]!, token.Span) : TokenDigest.Of(token.Span);
        if (cache?.TryGet(digest) is { } hit)
            return ValueTask.FromResult(hit);
        return ValidateAsync(token.ToString(), digest, cancellationToken);
    }

    private async ValueTask<AuthenticationResult> ValidateAsync(string token, TokenDigest digest, CancellationToken cancellationToken)
    {
        if (!TryRead(token, out var jwt))
            return ValidationFailures.Malformed;
        if (!issuers.TryGetValue(jwt.Issuer ?? string.Empty, out var source))
            return AuthenticationResult.Fail(AuthenticationFailureKind.WrongIssuer, "the token's issuer is not trusted");
        if (JwtIssuerConfigValidator.IsNeverAccepted(jwt.Alg) || !source.Config.AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
            return AuthenticationResult.Fail(AuthenticationFailureKind.DisallowedAlgorithm, "the token's signing algorithm is not accepted");

        var keys = await source.GetAsync(cancellationToken).ConfigureAwait(false);
        if (keys is not null && !string.IsNullOrEmpty(jwt.Kid) && !keys.Keys.Contains(jwt.Kid))
            keys = await source.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false) ?? keys;
        if (keys is null)
            return AuthenticationResult.Fail(AuthenticationFailureKind.IssuerUnavailable, "the token's issuer is unavailable");

        Interlocked.Increment(ref signatureValidations);
        var validation = await Handler.ValidateTokenAsync(jwt, keys.Parameters).ConfigureAwait(false);
        if (!validation.IsValid)
            return ValidationFailures.From(validation.Exception);
        var validated = (JsonWebToken)validation.SecurityToken;
        if (TokenLifetime.Check(validated, time.GetUtcNow(), source.Config.ClockSkew) is { } lifetimeFailure)
            return lifetimeFailure;
        if (CallerFactory.Create(validated) is not { } caller)
            return AuthenticationResult.Fail(AuthenticationFailureKind.Malformed, "the token has no subject");
        var success = AuthenticationResult.Success(caller);
        if (validated.SigningKey?.KeyId is { Length: > 0 } keyId)
            cache?.Add(digest, success, source, keyId, caller.ExpiresAt);
        return success;
    }

    private static bool TryRead(string token, out JsonWebToken jwt)
    {
        jwt = null!;
        if (!Handler.CanReadToken(token))
            return false;
        try
        {
            jwt = Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (SecurityTokenException)
        {
            return false;
        }

        return !jwt.IsEncrypted;
    }
}
