using Portcullis.Cel;
using Portcullis.Cel.Values;

namespace Portcullis.Conformance.Differential;

/// <summary>Evaluates generated cases with Portcullis on one large-stack thread with an overall time limit.</summary>
internal static class OurEvaluator
{
    /// <summary>Returns our result for every case: a value, an error value (also for compile errors), or
    /// <c>null</c> with a message in <paramref name="crashes"/> when the engine threw.</summary>
    public static CelValue[] Evaluate(IReadOnlyList<GeneratedCase> cases, TimeSpan timeout, out Dictionary<int, string> crashes)
    {
        var results = new CelValue[cases.Count];
        var thrown = new Dictionary<int, string>();
        var current = 0;
        var thread = new Thread(
            () =>
            {
                for (; current < cases.Count; current++)
                {
                    var c = cases[current];
                    try
                    {
                        results[current] = CelProgram.Compile(c.Expr).Evaluate(new CelActivation(c.Vars));
                    }
                    catch (CelCompileException ex)
                    {
                        results[current] = CelValue.Error("compile error: " + ex.Message.Split('\n')[0]);
                    }
#pragma warning disable CA1031 // An engine exception is a disagreement to report, not a crash of the run.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        thrown[current] = $"threw {ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
                    }
                }
            },
            maxStackSize: 64 * 1024 * 1024);
        thread.IsBackground = true;
        thread.Start();
        if (!thread.Join(timeout))
        {
            throw new TimeoutException($"evaluation did not finish within {timeout.TotalSeconds} s; stuck at: {cases[Volatile.Read(ref current)].Expr}");
        }
        crashes = thrown;
        return results;
    }
}
