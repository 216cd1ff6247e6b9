using System.Collections;

namespace Portcullis.Cel.Values;

/// <summary>An immutable CEL list.</summary>
public abstract class CelList : IReadOnlyList<CelValue>
{
    /// <summary>Gets the empty list.</summary>
    public static CelList Empty { get; } = new ArrayCelList([]);

    /// <inheritdoc />
    public abstract int Count { get; }

    /// <inheritdoc />
    public abstract CelValue this[int index] { get; }

    /// <summary>Creates a list over <paramref name="items"/>, which the caller must not change afterwards.</summary>
    public static CelList Of(CelValue[] items) => items.Length == 0 ? Empty : new ArrayCelList(items);

    /// <inheritdoc />
    public IEnumerator<CelValue> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list backed by an array.</summary>
internal sealed class ArrayCelList(CelValue[] items) : CelList
{
    public override int Count => items.Length;

    public override CelValue this[int index] => items[index];
}
