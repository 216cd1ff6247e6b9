using Portcullis.Cel.Json;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Tests.Evaluation;

/// <summary>Test helpers: compile and evaluate with JSON variables.</summary>
internal static class Eval
{
    public static CelValue Run(string expression, string? varsJson = null, CelOptions? options = null)
    {
        var program = CelProgram.Compile(expression, options);
        return program.Evaluate(Activation(varsJson));
    }

    public static CelActivation Activation(string? varsJson)
    {
        if (varsJson is null) return CelActivation.Empty;
        var vars = CelJson.Parse(varsJson).AsMap;
        return new CelActivation(vars.Select(e => KeyValuePair.Create(e.Key.AsString, e.Value)));
    }

    public static string Json(string expression, string? varsJson = null, CelOptions? options = null) =>
        CelJson.ToJsonString(Run(expression, varsJson, options));

    public static string ErrorOf(string expression, string? varsJson = null, CelOptions? options = null)
    {
        var value = Run(expression, varsJson, options);
        Assert.True(value.IsError, $"expected an error from {expression} but got {value}");
        return value.AsError.Message;
    }
}
