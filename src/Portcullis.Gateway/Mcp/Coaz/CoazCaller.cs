using System.Text.Json;
using Portcullis.Cel.Values;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The validated token as COAZ-MCP expressions read it on one route: the <c>token</c> variable, the
/// subject-identity claim and the agent.</summary>
/// <remarks>
/// <para>Build once per validated token and route (<see cref="Create"/>) and reuse it for every message of that token,
/// as <see cref="CallerClaimsCache"/> does for the REST mapping.</para>
/// <para><c>aud</c> follows COAZ-MCP "Default Mappings": an array is replaced by its one member that identifies this
/// server (<see cref="McpRouteConfig.Resource"/>); when no member does, <c>aud</c> is left out, so <c>$token.aud</c> is a
/// mapping error and <c>$token.?aud</c> is absent. <c>token.aud</c> is therefore never a list.</para>
/// </remarks>
public sealed class CoazCaller
{
    private const string AudienceClaim = "aud";
    private const string ClientIdClaim = "client_id";

    private CoazCaller(JsonElement claims, CelValue token, string subjectClaim, string? subjectId, string? agent)
    {
        SubjectClaim = subjectClaim;
        Claims = claims;
        Token = token;
        SubjectId = subjectId;
        Agent = agent;
    }

    /// <summary>Gets the claims (a JSON object).</summary>
    public JsonElement Claims { get; }

    /// <summary>Gets the CEL variable <c>token</c> (the claims, <c>aud</c> resolved to this server).</summary>
    public CelValue Token { get; }

    /// <summary>Gets the name of the subject-identity claim (<c>sub</c> or the route's on-behalf-of claim).</summary>
    public string SubjectClaim { get; }

    /// <summary>Gets the value of the subject-identity claim (<see cref="McpRouteConfig.SubjectClaim"/>), or null when
    /// the token has none (every mapping then fails: there is no one to decide for).</summary>
    public string? SubjectId { get; }

    /// <summary>Gets the agent (<c>client_id</c>), or null.</summary>
    public string? Agent { get; }

    /// <summary>Returns the caller of <paramref name="claims"/> on the route <paramref name="route"/>.</summary>
    public static CoazCaller Create(CallerClaims claims, McpRouteConfig route)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(route);
        var json = claims.Claims;
        var token = claims.Token;
        if (json.TryGetProperty(AudienceClaim, out var audience) && audience.ValueKind == JsonValueKind.Array)
        {
            token = WithAudience(token.AsMap, ServerAudience(audience, route.Resource));
        }
        var subjectId = json.TryGetProperty(route.SubjectClaim, out var subject) ? MappedValue.FromJson(subject).AsIdentifier() : null;
        var agent = json.TryGetProperty(ClientIdClaim, out var client) && client.ValueKind == JsonValueKind.String ? client.GetString() : null;
        return new CoazCaller(json, token, route.SubjectClaim, string.IsNullOrEmpty(subjectId) ? null : subjectId, agent);
    }

    /// <summary>Returns the server's resource identifier as it appears in tokens (as configured, e.g. without a
    /// trailing slash the URI parser would add).</summary>
    public static string ServerResource(McpRouteConfig route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Resource.OriginalString;
    }

    private static string? ServerAudience(JsonElement audience, Uri resource)
    {
        string? normalizedMatch = null;
        foreach (var member in audience.EnumerateArray())
        {
            if (member.ValueKind != JsonValueKind.String) continue;
            var text = member.GetString()!;
            if (string.Equals(text, resource.OriginalString, StringComparison.Ordinal)) return text;
            if (string.Equals(text, resource.AbsoluteUri, StringComparison.Ordinal)) normalizedMatch ??= text;
        }
        return normalizedMatch;
    }

    private static CelValue WithAudience(CelMap claims, string? audience)
    {
        var copy = CelMap.NewDictionary(claims.Count);
        foreach (var (name, value) in claims)
        {
            if (name.Kind != CelValueKind.String || name.AsString != AudienceClaim) copy[name] = value;
        }
        if (audience is not null) copy[CelValue.String(AudienceClaim)] = CelValue.String(audience);
        return CelValue.Map(CelMap.Of(copy));
    }
}
