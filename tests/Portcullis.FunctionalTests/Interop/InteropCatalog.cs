using System.Collections.Concurrent;
using System.Text.Json;

namespace Portcullis.FunctionalTests.Interop;

/// <summary>Reads the AuthZEN interop files in <c>../shared/interop</c> and lists their cases per scenario.</summary>
internal static class InteropCatalog
{
    private static readonly ConcurrentDictionary<string, JsonElement> Files = new(StringComparer.Ordinal);

    /// <summary>Gets the todo cases: every single and batch evaluation of the 1.0 files 00, 01 and 02.</summary>
    public static TheoryData<InteropCase> Todo()
    {
        var data = new TheoryData<InteropCase>();
        foreach (var suffix in new[] { "00", "01", "02" })
        {
            var file = $"todo/decisions-authorization-api-1_0-{suffix}.json";
            Add(data, file, "evaluation", InteropEndpoint.Evaluation);
            Add(data, file, "evaluations", InteropEndpoint.Evaluations);
        }
        return data;
    }

    /// <summary>Gets the search cases: subject, resource and action search.</summary>
    public static TheoryData<InteropCase> Search()
    {
        var data = new TheoryData<InteropCase>();
        Add(data, "search/subject/results.json", "evaluation", InteropEndpoint.SearchSubject);
        Add(data, "search/resource/results.json", "evaluation", InteropEndpoint.SearchResource);
        Add(data, "search/action/results.json", "evaluation", InteropEndpoint.SearchAction);
        return data;
    }

    /// <summary>Gets the identity-provider cases (resource searches).</summary>
    public static TheoryData<InteropCase> Idp()
    {
        var data = new TheoryData<InteropCase>();
        Add(data, "idp/results.json", "search", InteropEndpoint.SearchResource);
        return data;
    }

    /// <summary>Gets how many entries the array <paramref name="section"/> of an interop file holds.</summary>
    public static int Count(string file, string section) =>
        Load(file).TryGetProperty(section, out var entries) ? entries.GetArrayLength() : 0;

    /// <summary>Gets one entry (<c>{"request": ..., "expected": ...}</c>) of an interop file.</summary>
    public static JsonElement Entry(string file, string section, int index) => Load(file).GetProperty(section)[index];

    private static void Add(TheoryData<InteropCase> data, string file, string section, InteropEndpoint endpoint)
    {
        if (!Load(file).TryGetProperty(section, out var entries)) return;
        for (var i = 0; i < entries.GetArrayLength(); i++) data.Add(new InteropCase(file, section, i, endpoint));
    }

    private static JsonElement Load(string file) => Files.GetOrAdd(file, static name =>
    {
        var path = Path.Combine(RepoPaths.SharedInterop, name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"AuthZEN interop file {path} is missing: the tests read the interop data from ../shared/interop next to the repository.");
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    });
}
