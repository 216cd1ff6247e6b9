namespace Portcullis.TestSupport.Mcp;

/// <summary>One step of a <see cref="TypeScriptMcpClient"/> session: the arguments <c>tools/mcp-client.mjs</c> takes
/// for it.</summary>
public sealed record McpClientStep
{
    private McpClientStep(params string[] args) => Args = args;

    /// <summary>Gets the script arguments of the step.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>Gets the step that sends <c>tools/list</c>.</summary>
    public static McpClientStep ListTools { get; } = new("list");

    /// <summary>Gets the step that sends <c>ping</c>.</summary>
    public static McpClientStep Ping { get; } = new("ping");

    /// <summary>Returns the step that sends <c>tools/call</c> of <paramref name="tool"/> with
    /// <paramref name="argumentsJson"/> (a JSON object) as its arguments.</summary>
    public static McpClientStep CallTool(string tool, string argumentsJson = "{}") => new("call", tool, argumentsJson);
}
