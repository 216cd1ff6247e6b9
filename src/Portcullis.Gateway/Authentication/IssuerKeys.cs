using Microsoft.IdentityModel.Tokens;

namespace Portcullis.Gateway.Authentication;

/// <summary>One issuer's signing keys as last fetched, plus the keys of the set before the last rotation.</summary>
/// <param name="Current">The keys the issuer publishes now.</param>
/// <param name="Previous">Keys the issuer published before its last rotation and no longer does; kept for one rotation.</param>
/// <param name="FetchedAt">When <paramref name="Current"/> was fetched.</param>
internal sealed record IssuerKeys(IReadOnlyList<SecurityKey> Current, IReadOnlyList<SecurityKey> Previous, DateTimeOffset FetchedAt)
{
    private readonly HashSet<string> keyIds = [.. Current.Concat(Previous).Select(k => k.KeyId).OfType<string>()];

    /// <summary>Gets every key a token may be signed with.</summary>
    public IReadOnlyList<SecurityKey> All { get; } = [.. Current, .. Previous];

    /// <summary>Tells whether a key with this id is held (current or previous).</summary>
    public bool Contains(string keyId) => keyIds.Contains(keyId);

    /// <summary>Tells whether the current keys have exactly these ids.</summary>
    public bool HasSameCurrentKeys(IReadOnlyList<SecurityKey> keys) =>
        Current.Select(k => k.KeyId).Order(StringComparer.Ordinal).SequenceEqual(keys.Select(k => k.KeyId).Order(StringComparer.Ordinal));
}
