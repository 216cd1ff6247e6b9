using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Portcullis.Gateway.Authentication;

/// <summary>Fetches and caches one issuer's signing keys (OIDC discovery or JWKS), with bounded refreshes.</summary>
/// <remarks>
/// Keys are used for <see cref="JwtIssuerConfig.JwksCacheLifetime"/>, then refreshed in the background while the old
/// ones stay usable for one more lifetime; past that, with no successful fetch, the issuer is unavailable (fail closed).
/// A token naming an unknown <c>kid</c> causes at most one fetch per <see cref="JwtIssuerConfig.RefreshInterval"/>,
/// shared by every request that arrives while it runs. Keys dropped by a rotation are kept until the next rotation.
/// </remarks>
internal sealed class IssuerKeySource
{
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private IssuerKeyState? state;
    private Task<IssuerKeyState?>? fetch;
    private DateTimeOffset lastAttempt = DateTimeOffset.MinValue;
    private int fetchCount;

    public IssuerKeySource(JwtIssuerConfig config, HttpClient http, TimeProvider time, ILogger logger)
    {
        Config = config;
        this.http = http;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Gets the issuer's configuration.</summary>
    public JwtIssuerConfig Config { get; }

    /// <summary>Gets how many fetches were started (a test seam).</summary>
    public int FetchCount => Volatile.Read(ref fetchCount);

    /// <summary>Gets usable keys, fetching first when none are held; null when the issuer is unavailable.</summary>
    public async ValueTask<IssuerKeyState?> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = Volatile.Read(ref state);
        if (current is not null && now < current.Keys.FetchedAt + Config.JwksCacheLifetime)
            return current;

        var pending = StartFetch(now);
        var usable = Usable(current, now);
        if (usable is not null || pending is null)
            return usable;
        await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Usable(Volatile.Read(ref state), time.GetUtcNow());
    }

    /// <summary>Refreshes the keys because a token names an unknown <c>kid</c>, unless a fetch ran within the refresh interval.</summary>
    public async ValueTask<IssuerKeyState?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        var pending = StartFetch(time.GetUtcNow());
        if (pending is not null)
        {
            AuthenticationLog.UnknownKeyRefresh(logger, Config.Issuer);
            await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return Usable(Volatile.Read(ref state), time.GetUtcNow());
    }

    /// <summary>Tells whether a key with this id is still held and usable, so a cached validation may be reused.</summary>
    public bool HoldsKey(string keyId, DateTimeOffset now) => Usable(Volatile.Read(ref state), now)?.Keys.Contains(keyId) == true;

    private IssuerKeyState? Usable(IssuerKeyState? candidate, DateTimeOffset now) =>
        candidate is not null && now < candidate.Keys.FetchedAt + (2 * Config.JwksCacheLifetime) ? candidate : null;

    private Task<IssuerKeyState?>? StartFetch(DateTimeOffset now)
    {
        lock (gate)
        {
            if (fetch is { IsCompleted: false })
                return fetch;
            if (now - lastAttempt < Config.RefreshInterval)
                return null;
            lastAttempt = now;
            fetch = FetchAsync();
            return fetch;
        }
    }

    private async Task<IssuerKeyState?> FetchAsync()
    {
        Interlocked.Increment(ref fetchCount);
        try
        {
            using var timeout = new CancellationTokenSource(Config.MetadataTimeout, time);
            var fetched = await RetrieveAsync(timeout.Token).ConfigureAwait(false);
            if (fetched is null)
                return null;
            var keys = Merge(Volatile.Read(ref state)?.Keys, fetched, time.GetUtcNow());
            var next = new IssuerKeyState(keys, BuildParameters(keys));
            Volatile.Write(ref state, next);
            return next;
        }
#pragma warning disable CA1031 // Any failure to obtain keys means "unavailable"; the stage fails closed on it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AuthenticationLog.KeyFetchFailed(logger, Config.Issuer, $"{ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    private async Task<IReadOnlyList<SecurityKey>?> RetrieveAsync(CancellationToken cancellationToken)
    {
        var address = Config.Discovery ?? Config.JwksUri!;
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = Config.RequireHttpsMetadata && !address.IsLoopback };
        JsonWebKeySet set;
        if (Config.Discovery is { } discovery)
        {
            var document = await OpenIdConnectConfigurationRetriever.GetAsync(discovery.AbsoluteUri, retriever, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(document.Issuer, Config.Issuer, StringComparison.Ordinal))
            {
                AuthenticationLog.DiscoveryIssuerMismatch(logger, Config.Issuer, document.Issuer ?? "(none)");
                return null;
            }

            set = document.JsonWebKeySet ?? throw new InvalidOperationException("the discovery document names no jwks_uri");
        }
        else
        {
            set = new JsonWebKeySet(await retriever.GetDocumentAsync(address.AbsoluteUri, cancellationToken).ConfigureAwait(false));
        }

        // Only asymmetric keys can verify a token; a symmetric key in a public key set would be a forgery waiting to happen.
        var keys = set.GetSigningKeys().Where(k => k is AsymmetricSecurityKey || k is JsonWebKey { Kty: "RSA" or "EC" }).ToList();
        return keys.Count > 0 ? keys : throw new InvalidOperationException("the key set holds no usable signing key");
    }

    private IssuerKeys Merge(IssuerKeys? old, IReadOnlyList<SecurityKey> fetched, DateTimeOffset now)
    {
        if (old is null)
            return new IssuerKeys(fetched, [], now);
        if (old.HasSameCurrentKeys(fetched))
            return new IssuerKeys(fetched, old.Previous, now);
        var fetchedIds = fetched.Select(k => k.KeyId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var previous = old.Current.Where(k => k.KeyId is not null && !fetchedIds.Contains(k.KeyId)).ToList();
        AuthenticationLog.KeysRotated(logger, Config.Issuer, fetched.Count, previous.Count);
        return new IssuerKeys(fetched, previous, now);
    }

    private TokenValidationParameters BuildParameters(IssuerKeys keys) => new()
    {
        ValidIssuer = Config.Issuer,
        ValidAudiences = Config.Audiences,
        IssuerSigningKeys = keys.All,
        ValidAlgorithms = Config.AllowedAlgorithms,
        // Lifetime is checked by TokenLifetime against the injected TimeProvider, after the signature verified.
        ValidateLifetime = false,
        RequireSignedTokens = true,
        ValidTypes = Config.RequiredType is { } type ? TypeNames(type) : null,
    };

    private static string[] TypeNames(string type) =>
        // RFC 9068 section 4: "at+jwt" may also appear as the full media type "application/at+jwt".
        type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) ? [type, type["application/".Length..]] : [type, "application/" + type];
}
