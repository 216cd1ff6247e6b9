using System.Text.Json;

namespace Portcullis.Gateway.Authentication;

/// <summary>Describes who is calling, as established from a validated token.</summary>
public sealed record Caller
{
    /// <summary>Gets the subject (<c>sub</c>).</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the issuer (<c>iss</c>).</summary>
    public required string Issuer { get; init; }

    /// <summary>Gets the OAuth client (<c>client_id</c>, else <c>azp</c>), when the token names one.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the granted scopes (<c>scope</c> as a space-separated list, or <c>scp</c> as an array or string).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Gets the authentication context class reference (<c>acr</c>), when present.</summary>
    public string? Acr { get; init; }

    /// <summary>Gets the authentication methods (<c>amr</c>), empty when absent.</summary>
    public IReadOnlyList<string> Amr { get; init; } = [];

    /// <summary>Gets every claim of the token payload, for mapping (<c>claim::</c> paths, CEL <c>token</c>).</summary>
    public required JsonElement Claims { get; init; }

    /// <summary>Gets when the token expires (<c>exp</c>).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
