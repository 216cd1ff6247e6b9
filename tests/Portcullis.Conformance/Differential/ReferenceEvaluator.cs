using System.Text.Json;
using System.Text.Json.Nodes;
using Portcullis.Cel.Values;

namespace Portcullis.Conformance.Differential;

/// <summary>Evaluates generated cases with @bufbuild/cel through <c>tools/cel-differential.mjs</c>, one node
/// process per batch, two batches at a time.</summary>
internal static class ReferenceEvaluator
{
    /// <summary>Returns @bufbuild/cel's result for every case (errors as error values), in order.</summary>
    public static CelValue[] Evaluate(IReadOnlyList<GeneratedCase> cases, int batches)
    {
        var size = (cases.Count + batches - 1) / batches;
        var results = new CelValue[cases.Count];
        var ranges = Enumerable.Range(0, batches).Select(b => (Start: b * size, End: Math.Min(cases.Count, (b + 1) * size)))
            .Where(r => r.Start < r.End).ToList();
        Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = 2 }, range =>
        {
            var input = Path.Combine(Path.GetTempPath(), $"cel-diff-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
            var output = input + ".out";
            try
            {
                var batch = new JsonArray();
                for (var n = range.Start; n < range.End; n++)
                {
                    var vars = new JsonObject();
                    foreach (var (name, value) in cases[n].Vars) vars[name] = TypedJson.ToTyped(value);
                    batch.Add(new JsonObject { ["expr"] = cases[n].Expr, ["vars"] = vars });
                }
                File.WriteAllText(input, batch.ToJsonString());
                NodeTool.Run("cel-differential.mjs", input, output);
                using var doc = JsonDocument.Parse(File.ReadAllBytes(output));
                var n2 = range.Start;
                foreach (var result in doc.RootElement.EnumerateArray())
                {
                    try
                    {
                        results[n2] = TypedJson.FromTyped(result);
                    }
                    catch (NotSupportedException ex)
                    {
                        results[n2] = CelValue.Error("(harness: unsupported result " + ex.Message + ")");
                    }
                    n2++;
                }
            }
            finally
            {
                File.Delete(input);
                File.Delete(output);
            }
        });
        return results;
    }
}
