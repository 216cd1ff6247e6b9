using System.Text.Json;

namespace Portcullis.Benchmarks;

/// <summary>The expressions and variables shared with the node comparison (benchmarks/cel-node/expressions.json).</summary>
internal static class BenchmarkInputs
{
    private static readonly Lazy<JsonElement> Spec = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portcullis.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("run the benchmarks from inside the Portcullis repository");
        var text = File.ReadAllText(Path.Combine(dir.FullName, "benchmarks", "cel-node", "expressions.json"));
        return JsonDocument.Parse(text).RootElement.Clone();
    });

    public static string Expression(string name) => Spec.Value.GetProperty("expressions").GetProperty(name).GetString()!;

    public static string VariablesJson => Spec.Value.GetProperty("variables").GetRawText();
}
