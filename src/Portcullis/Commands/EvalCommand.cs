using System.CommandLine;
using System.Text;
using System.Text.Json;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Evaluations;
using Portcullis.AuthZen.Protocol;
using Portcullis.AuthZen.Validation;
using Portcullis.Pdp.Service;

namespace Portcullis.Commands;

/// <summary><c>portcullis eval --policies DIR [--directory DIR]</c>: reads one AuthZEN evaluation or evaluations request
/// on stdin and prints the AuthZEN response on stdout, exactly as the PDP's HTTP API would answer it.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var policies = new Option<DirectoryInfo>("--policies") { Description = "Folder of policy files (Cerbos format, YAML or JSON).", Required = true };
        var directory = new Option<DirectoryInfo?>("--directory") { Description = "Folder of directory (entity) files." };
        var command = new Command("eval", "Decide one AuthZEN request read from stdin (an evaluation, or evaluations with an \"evaluations\" list); print the response.")
        {
            policies,
            directory,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(policies)!, parse.GetValue(directory), Console.In, Console.Out, Console.Error, cancellation));
        return command;
    }

    public static async Task<int> RunAsync(DirectoryInfo policies, DirectoryInfo? directory, TextReader input, TextWriter output, TextWriter errors, CancellationToken cancellation)
    {
        var loaded = PdpSnapshotLoader.Load(policies.FullName, directory?.FullName);
        if (loaded.Snapshot is null)
        {
            foreach (var diagnostic in loaded.Diagnostics) await errors.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            return 1;
        }

        var body = Encoding.UTF8.GetBytes(await input.ReadToEndAsync(cancellation).ConfigureAwait(false));
        if (!AuthZenRequestParser.TryParse(body, AuthZenJsonContext.Default.EvaluationsRequest, out var request, out var error)
            || (error = AuthZenRequestValidator.ValidateEvaluations(request)) is not null)
        {
            await WriteAsync(output, new AuthZenErrorBody { Error = new AuthZenError { Status = 400, Message = error } }).ConfigureAwait(false);
            return 1;
        }

        var pdp = new EmbeddedPdp(loaded.Snapshot);
        if (request.Evaluations is { Count: > 0 })
        {
            await WriteAsync(output, await EvaluationsExecutor.ExecuteAsync(pdp, request, cancellation).ConfigureAwait(false)).ConfigureAwait(false);
            return 0;
        }

        var single = EvaluationsExecutor.Merge(request, null);
        if ((error = AuthZenRequestValidator.ValidateEvaluation(single)) is not null)
        {
            await WriteAsync(output, new AuthZenErrorBody { Error = new AuthZenError { Status = 400, Message = error } }).ConfigureAwait(false);
            return 1;
        }
        var decision = EvaluationsExecutor.Shape(await pdp.EvaluateAsync(single, cancellation).ConfigureAwait(false));
        await WriteAsync(output, decision).ConfigureAwait(false);
        return 0;
    }

    private static Task WriteAsync<T>(TextWriter output, T value) =>
        output.WriteLineAsync(JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)AuthZenJsonContext.Default.GetTypeInfo(typeof(T))!));
}
