using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Pipeline;

/// <summary>Which incoming headers are identity headers only the gateway may set: the configured strip names and
/// prefixes, and every header the gateway injects (so a client value never survives when the injected one is absent).</summary>
internal sealed class IdentityHeaderRules
{
    private static readonly ConditionalWeakTable<IdentityHeadersConfig, IdentityHeaderRules> ByConfig = [];
    private readonly FrozenSet<string> names;
    private readonly string[] prefixes;

    private IdentityHeaderRules(IdentityHeadersConfig config)
    {
        names = config.Strip.Where(p => !p.EndsWith('*')).Concat(config.Inject.Keys).Select(Normalize).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        prefixes = [.. config.Strip.Where(p => p.EndsWith('*')).Select(p => Normalize(p[..^1]))];
    }

    /// <summary>Returns the rules of <paramref name="config"/>, built once per configuration.</summary>
    public static IdentityHeaderRules For(IdentityHeadersConfig config) => ByConfig.GetValue(config, static c => new IdentityHeaderRules(c));

    /// <summary>Returns whether a client-supplied header named <paramref name="name"/> must be removed.</summary>
    /// <remarks>An underscore counts as a hyphen: CGI-style servers read <c>X_User_Id</c> as <c>X-User-Id</c>.</remarks>
    public bool ShouldStrip(string name)
    {
        name = Normalize(name);
        if (names.Contains(name)) return true;
        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static string Normalize(string name) => name.Contains('_', StringComparison.Ordinal) ? name.Replace('_', '-') : name;
}
