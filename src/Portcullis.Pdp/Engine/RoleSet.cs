namespace Portcullis.Pdp.Engine;

/// <summary>The roles a rule or a derived role names: literals, globs, or <c>*</c> for any role.</summary>
internal sealed class RoleSet
{
    private readonly string[] _literals;
    private readonly GlobPattern[] _globs;

    /// <summary>Creates the set of <paramref name="roles"/>.</summary>
    public RoleSet(IEnumerable<string> roles)
    {
        var literals = new List<string>();
        var globs = new List<GlobPattern>();
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            if (!GlobPattern.IsGlob(role)) literals.Add(role);
            else if (GlobPattern.Create(role) is { MatchesAll: true }) Any = true;
            else globs.Add(GlobPattern.Create(role));
        }
        _literals = [.. literals];
        _globs = [.. globs];
        IsEmpty = !Any && _literals.Length == 0 && _globs.Length == 0;
    }

    /// <summary>Gets an empty set.</summary>
    public static RoleSet None { get; } = new([]);

    /// <summary>Gets a value indicating whether every role matches.</summary>
    public bool Any { get; }

    /// <summary>Gets a value indicating whether no role matches.</summary>
    public bool IsEmpty { get; }

    /// <summary>Returns whether <paramref name="role"/> is in the set.</summary>
    public bool Contains(string role)
    {
        if (Any) return true;
        foreach (var literal in _literals)
        {
            if (string.Equals(literal, role, StringComparison.Ordinal)) return true;
        }
        foreach (var glob in _globs)
        {
            if (glob.IsMatch(role)) return true;
        }
        return false;
    }

    /// <summary>Returns whether any of <paramref name="roles"/> is in the set.</summary>
    public bool ContainsAny(IReadOnlyList<string> roles)
    {
        if (Any) return roles.Count > 0;
        for (var i = 0; i < roles.Count; i++)
        {
            if (Contains(roles[i])) return true;
        }
        return false;
    }
}
