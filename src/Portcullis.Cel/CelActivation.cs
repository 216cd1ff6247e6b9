using Portcullis.Cel.Values;

namespace Portcullis.Cel;

/// <summary>Variables backed by a dictionary. Not changed by evaluation; safe to share once built.</summary>
public sealed class CelActivation : ICelActivation
{
    private readonly Dictionary<string, CelValue> _variables;

    /// <summary>Gets an activation with no variables.</summary>
    public static CelActivation Empty { get; } = new(new Dictionary<string, CelValue>());

    /// <summary>Creates an activation over a copy of <paramref name="variables"/>.</summary>
    public CelActivation(IEnumerable<KeyValuePair<string, CelValue>> variables)
    {
        _variables = new Dictionary<string, CelValue>(variables, StringComparer.Ordinal);
        HasDottedNames = _variables.Keys.Any(k => k.Contains('.', StringComparison.Ordinal));
    }

    /// <summary>Gets a value indicating whether any variable name is qualified (<c>a.b</c>); when none is,
    /// evaluation skips looking up qualified candidates.</summary>
    internal bool HasDottedNames { get; }

    /// <inheritdoc />
    public bool TryResolve(string name, out CelValue value) => _variables.TryGetValue(name, out value);
}
