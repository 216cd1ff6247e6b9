using System.Text.Json;
using Portcullis.AuthZen.Model;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Stage;

/// <summary>The subject properties an MCP route adds to every AuthZEN request it makes: the route's
/// <c>authzen.subject.properties</c> (e.g. <c>roles: claim::roles</c>, <c>amr: claim::amr</c>) and, with
/// <c>platform: cerbos</c>, <c>cerbos.roles</c> — evaluated once per token.</summary>
/// <remarks>COAZ-MCP's default subject is only <c>{type: identity, id: $token.sub}</c>; a PDP without its own
/// directory (or Cerbos, which reads roles from the request) needs the token's attributes as well. They come from the
/// operator's configuration over the verified token, never from the MCP server, and never replace a property a
/// mapping set.</remarks>
internal static class McpSubjectProperties
{
    /// <summary>Returns the properties for <paramref name="claims"/> on <paramref name="route"/>, or null when the route
    /// configures none (or they cannot be evaluated for this token: the PDP then sees fewer attributes, never other ones).</summary>
    public static JsonElement? For(GatewayRouteConfig route, CallerClaims claims)
    {
        var block = route.AuthZen;
        // The seeds' mcp:: values belong to the tools/call mapping; they are not token attributes.
        var properties = block.Subject.Properties.Where(static p => !p.Value.Source.StartsWith(Coaz.SeedToolMapping.Prefix, StringComparison.Ordinal)).ToArray();
        if (properties.Length == 0 && block.Pdp.Platform != PdpPlatform.Cerbos) return null;
        var config = AuthZenMappingConfig.Default with { Pdp = block.Pdp, Subject = new SubjectMappingConfig { Properties = properties } };
        var facts = new RequestFacts { Method = "POST", Path = route.Path, RouteTemplate = route.Path, Time = DateTimeOffset.UtcNow, RequestId = "" };
        var mapped = AuthZenRequestBuilder.Build(config, claims, facts);
        return mapped.Succeeded ? mapped.Request.Subject?.Properties : null;
    }

    /// <summary>Returns <paramref name="subject"/> with <paramref name="added"/>'s members it does not already have.</summary>
    public static Subject? Merge(Subject? subject, JsonElement? added)
    {
        if (subject is null || added is not { ValueKind: JsonValueKind.Object } extra) return subject;
        if (subject.Properties is not { ValueKind: JsonValueKind.Object } own) return subject with { Properties = extra };
        return subject with
        {
            Properties = JsonValues.Build((own, extra), static (writer, parts) =>
            {
                writer.WriteStartObject();
                foreach (var member in parts.own.EnumerateObject()) member.WriteTo(writer);
                foreach (var member in parts.extra.EnumerateObject())
                {
                    if (!parts.own.TryGetProperty(member.Name, out _)) member.WriteTo(writer);
                }
                writer.WriteEndObject();
            }),
        };
    }
}
