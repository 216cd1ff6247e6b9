using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Portcullis.AuthZen.Model;
using Portcullis.Cel.Json;
using Portcullis.Cel.Values;
using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Engine;

namespace Portcullis.Pdp.Mapping;

/// <summary>
/// Turns an AuthZEN request into the policy engine's <see cref="CheckInput"/>, compatible with Cerbos's AuthZEN
/// endpoint and enriched from the <see cref="EntityDirectory"/>.
/// </summary>
/// <remarks>
/// <para>Subject → principal: <c>id</c> is the principal id. Attributes (<c>P.attr</c>) are the directory subject's
/// <c>properties</c> with the request's <c>subject.properties</c> laid over them key by key (a request key replaces the
/// directory's value for that key, whole; other directory keys stay). As in Cerbos, every property is an attribute,
/// including <c>cerbos.roles</c> and <c>roles</c>.</para>
/// <para>Roles, first that gives at least one: (1) the request's <c>subject.properties["cerbos.roles"]</c> (a list of
/// strings), (2) the request's <c>subject.properties["roles"]</c> (a string or a list of strings), (3) the directory
/// subject's <c>roles</c>, (4) rules 1 and 2 applied to the directory subject's properties, (5) <c>[subject.type]</c>.
/// So request roles, when given, replace directory roles.</para>
/// <para>Resource: <c>type</c> is the kind (<c>R.kind</c>), <c>id</c> the id, and attributes (<c>R.attr</c>) are the
/// directory resource's properties overlaid by the request's <c>resource.properties</c>, key by key.</para>
/// <para>The action's <c>name</c> is the action; the AuthZEN <c>context</c> becomes <see cref="CheckInput.Context"/>.
/// JSON values convert with <see cref="CelJson.FromJson(JsonElement, bool)"/> with every number a CEL double, as Cerbos reads
/// JSON (compare freely across numeric types; write <c>R.attr.size + 1.0</c> for arithmetic). Entities missing from the
/// directory use request data alone. Cerbos's <c>cerbos.policyVersion</c> and <c>cerbos.scope</c> properties are
/// passed on as attributes only: policy versions and scopes are not selected by them.</para>
/// <para>Mapping never throws for bad input: a problem (a property bag that is not a JSON object, a missing id or
/// name) comes back as an error message and the caller denies.</para>
/// </remarks>
public static class AuthZenMapper
{
    /// <summary>Maps one evaluation. Returns false with <paramref name="error"/> when the request cannot be mapped.</summary>
    public static bool TryMap(
        EntityDirectory directory,
        Subject? subject,
        AccessAction? action,
        Resource? resource,
        JsonElement? context,
        [NotNullWhen(true)] out CheckInput? input,
        [NotNullWhen(false)] out string? error)
    {
        input = null;
        if (!TryMapPrincipal(directory, subject, out var principal, out error)) return false;
        if (!TryMapResource(directory, resource, out var policyResource, out error)) return false;
        if (!TryMapContext(context, out var celContext, out error)) return false;
        if (string.IsNullOrEmpty(action?.Name))
        {
            error = "action.name is required";
            return false;
        }
        input = new CheckInput(principal, policyResource, action.Name, celContext);
        return true;
    }

    /// <summary>Maps a subject to a principal, merged with its directory entry.</summary>
    public static bool TryMapPrincipal(
        EntityDirectory directory,
        Subject? subject,
        [NotNullWhen(true)] out Principal? principal,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(directory);
        principal = null;
        if (!TryIdentify(subject?.Type, subject?.Id, "subject", out error)) return false;
        if (!TryReadProperties(subject!.Properties, "subject.properties", out var requested, out error)) return false;
        directory.TryGetSubject(subject.Type!, subject.Id!, out var known);
        var attributes = Merge(known?.Properties, requested);
        var roles = (requested is null ? null : RoleResolver.FromProperties(requested))
            ?? (known?.Roles is { Count: > 0 } listed ? listed : null)
            ?? (known is null ? null : RoleResolver.FromProperties(known.Properties))
            ?? [subject.Type!];
        principal = new Principal(subject.Id!, roles, attributes);
        return true;
    }

    /// <summary>Maps a resource, merged with its directory entry.</summary>
    public static bool TryMapResource(
        EntityDirectory directory,
        Resource? resource,
        [NotNullWhen(true)] out PolicyResource? policyResource,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(directory);
        policyResource = null;
        if (!TryIdentify(resource?.Type, resource?.Id, "resource", out error)) return false;
        if (!TryReadProperties(resource!.Properties, "resource.properties", out var requested, out error)) return false;
        directory.TryGetResource(resource.Type!, resource.Id!, out var known);
        policyResource = new PolicyResource(resource.Type!, resource.Id!, Merge(known?.Properties, requested));
        return true;
    }

    /// <summary>Maps the AuthZEN context (absent or null: an empty map).</summary>
    public static bool TryMapContext(JsonElement? context, [NotNullWhen(true)] out CelMap? map, [NotNullWhen(false)] out string? error)
    {
        var ok = TryReadProperties(context, "context", out var read, out error);
        map = ok ? read ?? CelMap.Empty : null;
        return ok;
    }

    private static bool TryIdentify(string? type, string? id, string what, [NotNullWhen(false)] out string? error)
    {
        error = string.IsNullOrEmpty(type) ? $"{what}.type is required" : id is null ? $"{what}.id is required" : null;
        return error is null;
    }

    private static bool TryReadProperties(JsonElement? json, string what, out CelMap? map, [NotNullWhen(false)] out string? error)
    {
        map = null;
        error = null;
        if (json is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return true;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"{what} must be a JSON object";
            return false;
        }
        map = CelJson.FromJson(element, numbersAsDouble: true).AsMap; // numbers as Cerbos reads them
        return true;
    }

    private static CelMap Merge(CelMap? known, CelMap? requested)
    {
        if (requested is null || requested.Count == 0) return known ?? CelMap.Empty;
        if (known is null || known.Count == 0) return requested;
        var merged = CelMap.NewDictionary(known.Count + requested.Count);
        foreach (var (key, value) in known) merged[key] = value;
        foreach (var (key, value) in requested) merged[key] = value;
        return CelMap.Of(merged);
    }
}
