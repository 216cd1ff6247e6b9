namespace Portcullis.Gateway.Mapping;

/// <summary>Collects problems with paths relative to the mapping block; <see cref="ToProblems"/> makes them absolute.</summary>
internal sealed class MappingProblemList
{
    private readonly List<(string Path, string Message)> _items = [];

    /// <summary>Gets the number of problems recorded.</summary>
    public int Count => _items.Count;

    /// <summary>Records a problem at the relative <paramref name="path"/>.</summary>
    public void Add(string path, string message) => _items.Add((path, message));

    /// <summary>Returns the problems under <paramref name="prefix"/>, located by <paramref name="locate"/> when given.</summary>
    public IReadOnlyList<MappingProblem> ToProblems(string prefix, Func<string, (int Line, int Column)>? locate)
    {
        var result = new List<MappingProblem>(_items.Count);
        foreach (var (path, message) in _items)
        {
            var (line, column) = locate?.Invoke(path) ?? (0, 0);
            result.Add(new MappingProblem(Join(prefix, path), message, line, column));
        }
        return result;
    }

    /// <summary>Returns the path of member <paramref name="name"/> under <paramref name="parent"/>.</summary>
    public static string Join(string parent, string name) =>
        parent.Length == 0 ? name : name.Length == 0 ? parent : name[0] == '[' ? parent + name : parent + "." + name;

    /// <summary>Returns the path of item <paramref name="index"/> under <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
