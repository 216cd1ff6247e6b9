using System.Collections;

namespace Portcullis.Cel.Values;

/// <summary>An immutable CEL map. Keys are int, uint, bool or string; numeric keys compare by value, so an int
/// key finds an equal uint or integral double key.</summary>
public abstract class CelMap : IEnumerable<KeyValuePair<CelValue, CelValue>>
{
    /// <summary>Gets the empty map.</summary>
    public static CelMap Empty { get; } = new DictionaryCelMap(new Dictionary<CelValue, CelValue>(CelValueKeyComparer.Instance));

    /// <summary>Gets the number of entries.</summary>
    public abstract int Count { get; }

    /// <summary>Looks up <paramref name="key"/>.</summary>
    public abstract bool TryGetValue(CelValue key, out CelValue value);

    /// <summary>Looks up a string key without wrapping it.</summary>
    public virtual bool TryGetValue(string key, out CelValue value) => TryGetValue(CelValue.String(key), out value);

    /// <summary>Creates a map over <paramref name="entries"/>, which must use <see cref="CelValueKeyComparer"/>
    /// and which the caller must not change afterwards.</summary>
    public static CelMap Of(Dictionary<CelValue, CelValue> entries) => new DictionaryCelMap(entries);

    /// <summary>Creates an empty dictionary suitable for <see cref="Of"/>.</summary>
    public static Dictionary<CelValue, CelValue> NewDictionary(int capacity = 0) => new(capacity, CelValueKeyComparer.Instance);

    /// <inheritdoc />
    public abstract IEnumerator<KeyValuePair<CelValue, CelValue>> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A map backed by a dictionary; iteration follows insertion order.</summary>
internal sealed class DictionaryCelMap : CelMap
{
    private readonly Dictionary<CelValue, CelValue> _entries;
    private readonly Dictionary<CelValue, CelValue>.AlternateLookup<string>? _byString;

    public DictionaryCelMap(Dictionary<CelValue, CelValue> entries)
    {
        _entries = entries;
        if (entries.TryGetAlternateLookup<string>(out var lookup)) _byString = lookup;
    }

    public override int Count => _entries.Count;

    public override bool TryGetValue(CelValue key, out CelValue value) => _entries.TryGetValue(key, out value);

    public override bool TryGetValue(string key, out CelValue value) =>
        _byString is { } lookup ? lookup.TryGetValue(key, out value) : _entries.TryGetValue(CelValue.String(key), out value);

    public override IEnumerator<KeyValuePair<CelValue, CelValue>> GetEnumerator() => _entries.GetEnumerator();
}
