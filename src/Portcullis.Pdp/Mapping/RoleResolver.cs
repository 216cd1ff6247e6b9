using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Mapping;

/// <summary>Finds roles in a property map the way Cerbos's AuthZEN endpoint does, plus a plain <c>roles</c> property.</summary>
internal static class RoleResolver
{
    /// <summary>The property Cerbos reads roles from.</summary>
    public const string CerbosRolesKey = "cerbos.roles";

    /// <summary>The portable fallback property.</summary>
    public const string RolesKey = "roles";

    /// <summary>Returns the non-empty role list of <c>cerbos.roles</c> (a list; non-string and empty items are skipped,
    /// as Cerbos does), else of <c>roles</c> (a string or such a list), else null.</summary>
    public static IReadOnlyList<string>? FromProperties(CelMap properties)
    {
        if (properties.Count == 0) return null;
        if (properties.TryGetValue(CerbosRolesKey, out var cerbos) && cerbos.Kind == CelValueKind.List && FromList(cerbos.AsList) is { } a)
        {
            return a;
        }
        if (!properties.TryGetValue(RolesKey, out var roles)) return null;
        return roles.Kind switch
        {
            CelValueKind.String when roles.AsString.Length > 0 => [roles.AsString],
            CelValueKind.List => FromList(roles.AsList),
            _ => null,
        };
    }

    private static List<string>? FromList(CelList list)
    {
        List<string>? roles = null;
        foreach (var item in list)
        {
            if (item.Kind == CelValueKind.String && item.AsString.Length > 0) (roles ??= new(list.Count)).Add(item.AsString);
        }
        return roles;
    }
}
