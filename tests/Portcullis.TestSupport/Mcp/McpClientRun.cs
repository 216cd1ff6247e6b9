using System.Text.Json;

namespace Portcullis.TestSupport.Mcp;

/// <summary>What a <see cref="TypeScriptMcpClient"/> session printed: one JSON object per step, starting with
/// <c>initialize</c> and ending with <c>close</c> when initialize succeeded.</summary>
/// <param name="ExitCode">0 when every step ran, 1 when initialize failed, 2 for bad usage.</param>
/// <param name="Steps">The step lines, in order (<c>step</c>, <c>ok</c>, then <c>result</c> or <c>error</c>).</param>
/// <param name="Output">Everything the script wrote, for failure messages.</param>
public sealed record McpClientRun(int ExitCode, IReadOnlyList<JsonElement> Steps, string Output)
{
    /// <summary>Returns the step line at <paramref name="index"/> (0 is <c>initialize</c>), failing with the whole output
    /// when there is none.</summary>
    public JsonElement Step(int index) =>
        index < Steps.Count ? Steps[index] : throw new InvalidOperationException($"No step {index} in:\n{Output}");
}
