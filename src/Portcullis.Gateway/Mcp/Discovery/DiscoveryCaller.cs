using System.Text.Json;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>The caller a list is filtered for: the COAZ-MCP subject and agent.</summary>
/// <param name="SubjectId">The subject-identity claim's value (<c>sub</c>, or the route's on-behalf-of claim).</param>
/// <param name="ClientId">The agent (<c>client_id</c>, else <c>azp</c>), or null when the token names none.</param>
public sealed record DiscoveryCaller(string SubjectId, string? ClientId)
{
    /// <summary>Gets the subject's properties sent with the list's evaluations (the route's configured token
    /// attributes), or null.</summary>
    public JsonElement? SubjectProperties { get; init; }

    /// <summary>Reads the caller from validated token claims; null when <paramref name="subjectClaim"/> is missing,
    /// not a string or empty (the stage answers that as a mapping error, nothing listed).</summary>
    /// <param name="claims">The validated token's claims.</param>
    /// <param name="subjectClaim">The route's subject-identity claim (<c>McpRouteConfig.SubjectClaim</c>).</param>
    public static DiscoveryCaller? FromClaims(CallerClaims claims, string subjectClaim)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrEmpty(subjectClaim);
        if (!claims.Claims.TryGetProperty(subjectClaim, out var subject) || subject.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var id = subject.GetString();
        return string.IsNullOrEmpty(id) ? null : new DiscoveryCaller(id, claims.ClientId);
    }
}
