using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>Walks a comprehension's range without allocating for lists: yields (element, element) with one variable,
/// (index, element) with two, and (key, value) for maps.</summary>
internal struct RangeCursor(CelValue source, bool twoVariables)
{
    private readonly CelList? _list = source.Kind == CelValueKind.List ? source.AsList : null;
    private readonly IEnumerator<KeyValuePair<CelValue, CelValue>>? _entries = source.Kind == CelValueKind.Map ? source.AsMap.GetEnumerator() : null;
    private int _index = -1;

    public CelValue First { get; private set; }

    public CelValue Second { get; private set; }

    public bool MoveNext()
    {
        if (_list is not null)
        {
            if (++_index >= _list.Count) return false;
            var element = _list[_index];
            First = twoVariables ? CelValue.Int(_index) : element;
            Second = element;
            return true;
        }
        if (_entries is null || !_entries.MoveNext()) return false;
        (First, Second) = (_entries.Current.Key, _entries.Current.Value);
        return true;
    }
}
