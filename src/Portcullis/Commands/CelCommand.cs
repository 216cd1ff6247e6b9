using System.CommandLine;
using System.Text.Json;
using Portcullis.Cel;
using Portcullis.Cel.Json;
using Portcullis.Cel.Syntax;
using Portcullis.Cel.Values;

namespace Portcullis.Commands;

/// <summary><c>portcullis cel EXPR [--vars JSON]</c>: evaluates one CEL expression and prints the result as JSON.</summary>
internal static class CelCommand
{
    public static Command Create()
    {
        var expression = new Argument<string>("expression") { Description = "The CEL expression, e.g. \"'admin' in roles\"." };
        var vars = new Option<string?>("--vars") { Description = "A JSON object whose members become the expression's variables." };
        var command = new Command("cel", "Evaluate a Common Expression Language (CEL) expression and print the result as JSON.")
        {
            expression,
            vars,
        };
        command.SetAction(parse => Run(parse.GetValue(expression)!, parse.GetValue(vars), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Evaluates <paramref name="expression"/>; returns the process exit code (0 on a value, 1 on any error).</summary>
    public static int Run(string expression, string? varsJson, TextWriter output, TextWriter errors)
    {
        CelActivation activation;
        try
        {
            activation = ParseVariables(varsJson);
        }
        catch (JsonException ex)
        {
            errors.WriteLine($"error: --vars is not valid JSON: {ex.Message}");
            return 1;
        }
        catch (FormatException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
            return 1;
        }

        CelProgram program;
        try
        {
            program = CelProgram.Compile(expression);
        }
        catch (CelCompileException ex)
        {
            foreach (var d in ex.Diagnostics) errors.WriteLine($"error: {d.Line}:{d.Column}: {d.Message}");
            return 1;
        }

        var result = program.Evaluate(activation);
        if (result.IsError)
        {
            var error = result.AsError;
            var at = error.Position >= 0 ? SourceLocation.Of(expression, error.Position) : (Line: 1, Column: 1);
            errors.WriteLine($"error: {at.Line}:{at.Column}: {error.Message}");
            return 1;
        }
        output.WriteLine(CelJson.ToJsonString(result));
        return 0;
    }

    private static CelActivation ParseVariables(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return CelActivation.Empty;
        var value = CelJson.Parse(json);
        if (value.Kind != CelValueKind.Map) throw new FormatException("--vars must be a JSON object, e.g. {\"roles\": [\"admin\"]}");
        return new CelActivation(value.AsMap.Select(e => KeyValuePair.Create(e.Key.AsString, e.Value)));
    }
}
