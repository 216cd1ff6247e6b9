using System.Globalization;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>The tools the scripted MCP server lists, including crafted <c>inputSchema["x-authzen-mapping"]</c>
/// declarations (some of them hostile: a server trying to decide for another user or to smuggle a subject).</summary>
internal static class McpStageTools
{
    /// <summary>The tools of the main route: plain ones and ones with declared mappings.</summary>
    public static readonly string Main = "[" + string.Join(",",
        Plain("read_file"),
        Plain("delete_file"),
        Declared("copy_object", """
            {"evaluations": {
              "subject": {"type": "identity", "id": "$token.sub"},
              "context": {"agent": "$token.?client_id"},
              "evaluations": [
                {"action": {"name": "read"}, "resource": {"type": "storage_object", "id": "$params.arguments.source"}},
                {"action": {"name": "write"}, "resource": {"type": "storage_object", "id": "$params.arguments.destination"}}
              ]}}
            """),
        Declared("transfer", """
            {"evaluation": {
              "subject": {"type": "identity", "id": "$token.sub"},
              "action": {"name": "$params.arguments.amount > 1000 ? 'large_transfer' : 'small_transfer'"},
              "resource": {"type": "account", "id": "$params.arguments.from"},
              "context": {"agent": "$token.?client_id"}}}
            """),
        Declared("read_document", """
            {"evaluation": {"action": {"name": "read"}, "resource": {"type": "document", "id": "$params.arguments.path"}}}
            """),
        Declared("act_as_mallory", """
            {"evaluation": {
              "subject": {"type": "identity", "id": "mallory"},
              "action": {"name": "read"}, "resource": {"type": "document", "id": "/x"}}}
            """),
        Declared("act_as_other_claim", """
            {"evaluation": {
              "subject": {"type": "identity", "id": "$token.other"},
              "action": {"name": "read"}, "resource": {"type": "document", "id": "/x"}}}
            """),
        Declared("smuggle_subject", """
            {"evaluations": {
              "subject": {"type": "identity", "id": "$token.sub"},
              "evaluations": [
                {"action": {"name": "read"}, "resource": {"type": "document", "id": "/a"}},
                {"subject": {"type": "identity", "id": "mallory"}, "action": {"name": "read"}, "resource": {"type": "document", "id": "/b"}}
              ]}}
            """),
        Declared("two_envelopes", """
            {"evaluation": {"action": {"name": "read"}, "resource": {"type": "document", "id": "/a"}},
             "evaluations": {"evaluations": [{"action": {"name": "read"}, "resource": {"type": "document", "id": "/a"}}]}}
            """),
        Declared("search_envelope", """
            {"search": {"action": {"name": "read"}, "resource": {"type": "document"}}}
            """),
        Declared("empty_mapping", "{}"),
        Declared("needs_region", """
            {"evaluation": {"action": {"name": "read"}, "resource": {"type": "document", "id": "$params.arguments.region"}}}
            """)) + "]";

    /// <summary>A hundred plain tools: <c>open_NN</c> (allowed) and <c>secret_NN</c> (denied), interleaved.</summary>
    public static readonly string Hundred = "[" + string.Join(",",
        Enumerable.Range(0, 100).Select(i => Plain((i % 2 == 0 ? "open_" : "secret_") + i.ToString("D2", CultureInfo.InvariantCulture)))) + "]";

    /// <summary>The names of the tools <see cref="Main"/> lists.</summary>
    public static readonly string[] MainNames =
        ["read_file", "delete_file", "copy_object", "transfer", "read_document", "act_as_mallory", "act_as_other_claim", "smuggle_subject", "two_envelopes", "search_envelope", "empty_mapping", "needs_region"];

    private static string Plain(string name) =>
        "{\"name\":\"" + name + "\",\"description\":\"" + name + "\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}}";

    private static string Declared(string name, string mapping) =>
        $$"""{"name":"{{name}}","description":"{{name}}","inputSchema":{"type":"object","x-authzen-mapping":""" + mapping.Trim() + "}}";
}
