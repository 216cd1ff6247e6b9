using System.Text;
using Portcullis.Cel;
using Portcullis.Cel.Values;

namespace Portcullis.Conformance;

/// <summary>Runs one conformance case against the engine and judges the result.</summary>
internal static class CaseRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="c"/>. A value is expected to be returned with the same kind; an expected
    /// error is met by a <see cref="CelCompileException"/> or an error value. Cases that name no result expect <c>true</c>.</summary>
    public static CaseOutcome Run(ConformanceCase c)
    {
        if (c.CheckOnly) return CaseOutcome.Fail("needs type checker");
        if (c.Original.TryGetProperty("unknown", out _) || c.Original.TryGetProperty("anyUnknowns", out _))
        {
            return CaseOutcome.Fail("unknown results are not supported");
        }

        CelValue expected;
        List<KeyValuePair<string, CelValue>> variables;
        try
        {
            expected = c.ExpectsError ? CelValue.Error("any error")
                : c.ExpectedValue is { } value ? ProtoJsonValue.ToCelValue(value)
                : CelValue.True;
            variables = Bindings(c);
        }
        catch (Exception ex) when (ex is NotSupportedException or FormatException)
        {
            return CaseOutcome.Fail($"harness cannot convert the case: {ex.Message}");
        }

        var (actual, problem) = Evaluate(c, variables);
        if (problem is not null) return Failure(c, problem);
        if (c.ExpectsError)
        {
            return actual.IsError ? CaseOutcome.Pass : Failure(c, $"expected an error, got {Describe(actual)}");
        }
        return StrictValueEquality.Equal(expected, actual)
            ? CaseOutcome.Pass
            : Failure(c, $"expected {Describe(expected)}, got {Describe(actual)}");
    }

    /// <summary>Describes a value with its kind made explicit (protobuf-JSON form), shortened when long.</summary>
    public static string Describe(CelValue value)
    {
        var text = value.IsError ? "error: " + value.AsError.Message : ProtoJsonValue.ToProtoJson(value).ToJsonString();
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    private static List<KeyValuePair<string, CelValue>> Bindings(ConformanceCase c)
    {
        var list = new List<KeyValuePair<string, CelValue>>();
        if (c.Bindings is not { } bindings) return list;
        foreach (var b in bindings.EnumerateObject())
        {
            if (!b.Value.TryGetProperty("value", out var value))
            {
                throw new NotSupportedException($"binding {b.Name} is not a plain value: {b.Value.GetRawText()}");
            }
            list.Add(new(b.Name, ProtoJsonValue.ToCelValue(value)));
        }
        return list;
    }

    /// <summary>Compiles and evaluates on a thread with a large stack and a time limit, so that a hang or a
    /// crash in one case cannot stop the run. A compile error is returned as an error value.</summary>
    private static (CelValue Value, string? Problem) Evaluate(ConformanceCase c, List<KeyValuePair<string, CelValue>> variables)
    {
        CelValue result = default;
        string? problem = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    var program = CelProgram.Compile(c.Expr, new CelOptions { Container = c.Container, DeferUnknownFunctionErrors = c.DisableCheck });
                    result = program.Evaluate(new CelActivation(variables));
                }
                catch (CelCompileException ex)
                {
                    result = CelValue.Error("compile error: " + ex.Message.Split('\n')[0]);
                }
#pragma warning disable CA1031 // Any engine exception is a test failure to report, not a crash of the run.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    problem = $"threw {ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
                }
            },
            maxStackSize: 64 * 1024 * 1024);
        thread.IsBackground = true;
        thread.Start();
        return thread.Join(Timeout) ? (result, problem) : (default, $"timed out after {Timeout.TotalSeconds} s");
    }

    private static CaseOutcome Failure(ConformanceCase c, string summary)
    {
        var message = new StringBuilder(summary).AppendLine();
        message.AppendLine($"  case: {c.Id}");
        message.AppendLine($"  expr: {c.Expr}");
        if (c.Container.Length > 0) message.AppendLine($"  container: {c.Container}");
        if (c.Bindings is { } b) message.AppendLine($"  bindings: {b.GetRawText()}");
        var expected = c.ExpectsError ? c.RawText("evalError") + c.RawText("anyEvalErrors")
            : c.ExpectedValue is { } v ? v.GetRawText() : "{\"boolValue\":true}";
        message.AppendLine($"  expected: {expected}");
        return CaseOutcome.Fail(message.ToString().TrimEnd());
    }
}
