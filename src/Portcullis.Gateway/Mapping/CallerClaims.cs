using System.Text.Json;
using Portcullis.Cel;
using Portcullis.Cel.Json;
using Portcullis.Cel.Values;

namespace Portcullis.Gateway.Mapping;

/// <summary>The validated token's claims as the mapping reads them: JSON for claim paths, a CEL map for expressions.</summary>
/// <remarks>Build once per validated token (<see cref="FromClaims"/>) and cache it with the token.</remarks>
public sealed record CallerClaims
{
    /// <summary>Gets the caller of an anonymous route: no claims, no subject.</summary>
    public static CallerClaims Anonymous { get; } = FromClaims(JsonValues.Build(0, static (w, _) => { w.WriteStartObject(); w.WriteEndObject(); }));

    /// <summary>Gets the claims (a JSON object).</summary>
    public required JsonElement Claims { get; init; }

    /// <summary>Gets the claims as the CEL variable <c>token</c> (a map).</summary>
    public required CelValue Token { get; init; }

    /// <summary>Gets the <c>sub</c> claim, or null.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the OAuth client id (<c>client_id</c>, else <c>azp</c>), or null.</summary>
    public string? ClientId { get; init; }

    /// <summary>Returns the caller for the claims object <paramref name="claims"/> (a JWT payload).</summary>
    public static CallerClaims FromClaims(JsonElement claims)
    {
        if (claims.ValueKind != JsonValueKind.Object) throw new ArgumentException("claims must be a JSON object", nameof(claims));
        var owned = claims.Clone();
        return new CallerClaims
        {
            Claims = owned,
            Token = CelJson.FromJson(owned),
            Subject = StringClaim(owned, "sub"),
            ClientId = StringClaim(owned, "client_id") ?? StringClaim(owned, "azp"),
        };
    }

    /// <summary>Returns the caller for a JSON text of claims (tests, dev tokens).</summary>
    public static CallerClaims FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromClaims(document.RootElement);
    }

    private static string? StringClaim(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
