using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace ExpenseManagement;

/// <summary>Adds a COAZ-MCP declared mapping to a tool: the SDK builds the tool's <c>inputSchema</c> from the method's
/// parameters, and this puts <c>x-authzen-mapping</c> beside <c>properties</c> in it, so <c>tools/list</c> carries it.</summary>
public static class AuthZenMappingDeclaration
{
    /// <summary>The <c>inputSchema</c> member that holds a declared mapping.</summary>
    public const string Keyword = "x-authzen-mapping";

    /// <summary>Sets <see cref="Keyword"/> in <paramref name="tool"/>'s input schema to <paramref name="mappingJson"/>
    /// (a JSON object with an <c>evaluation</c> or <c>evaluations</c> envelope) and returns the tool.</summary>
    /// <exception cref="ArgumentException">The mapping is not a JSON object.</exception>
    public static McpServerTool WithAuthZenMapping(this McpServerTool tool, string mappingJson)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (JsonNode.Parse(mappingJson) is not JsonObject mapping)
        {
            throw new ArgumentException("A declared mapping must be a JSON object.", nameof(mappingJson));
        }
        var schema = JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText())!.AsObject();
        schema[Keyword] = mapping;
        // Tool.InputSchema validates the new schema (an object whose type is "object") in its setter.
        tool.ProtocolTool.InputSchema = JsonDocument.Parse(schema.ToJsonString()).RootElement.Clone();
        return tool;
    }
}
