namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The default mappings as data: COAZ-MCP Draft 1 "Default Mappings" (the spec's templates), then the
/// methods Portcullis maps itself.</summary>
internal static class CoazDefaultMappingData
{
    /// <summary>The binding's default mappings by method (JSON with comments).</summary>
    /// <remarks>Two departures from the text, both within what the spec allows: server-wide resources read
    /// <c>$token.aud</c> as the route's configured resource identifier ("A PEP that knows its own resource identifier
    /// from configuration MAY use it directly"); and completion/complete's <c>resource.id</c> drops the <c>$</c> the
    /// spec writes before <c>params</c> inside the expression (<c>$params.ref.name</c> is not CEL).
    /// <c>resources/templates/list</c> has the shape of <c>resources/list</c>.</remarks>
    public const string Binding = """
        {
          // Lifecycle
          "initialize": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id", "protocol_version": "$params.protocolVersion" },
            "action": { "name": "initialize" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } },
          // Tools
          "tools/list": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "tools/list" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } },
          "tools/call": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "tools/call" },
            "resource": { "type": "tool", "id": "$params.name" } } },
          // Resources
          "resources/list": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "resources/list" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } },
          "resources/templates/list": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "resources/templates/list" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } },
          "resources/read": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "resources/read" },
            "resource": { "type": "resource", "id": "$params.uri" } } },
          "resources/subscribe": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "resources/subscribe" },
            "resource": { "type": "resource", "id": "$params.uri" } } },
          "resources/unsubscribe": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "resources/unsubscribe" },
            "resource": { "type": "resource", "id": "$params.uri" } } },
          // Prompts
          "prompts/list": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "prompts/list" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } },
          "prompts/get": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "prompts/get" },
            "resource": { "type": "prompt", "id": "$params.name" } } },
          // Completion
          "completion/complete": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "completion/complete" },
            "resource": {
              "type": "$params.ref.type == 'ref/prompt' ? 'prompt' : 'resource'",
              "id": "$params.ref.type == 'ref/prompt' ? params.ref.name : params.ref.uri" } } },
          // Logging
          "logging/setLevel": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id", "level": "$params.level" },
            "action": { "name": "logging/setLevel" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } },
          // Tasks
          "tasks/get": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "tasks/get" },
            "resource": { "type": "task", "id": "$params.taskId" } } },
          "tasks/result": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "tasks/result" },
            "resource": { "type": "task", "id": "$params.taskId" } } },
          "tasks/cancel": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "tasks/cancel" },
            "resource": { "type": "task", "id": "$params.taskId" } } },
          "tasks/list": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "tasks/list" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } }
        }
        """;

    /// <summary>Portcullis's own extension: methods MCP 2026-07-28 added after the binding was written get mappings of
    /// the same shape (action = the method; resource = the MCP server, or the task) instead of being denied.</summary>
    public const string PortcullisExtension = """
        {
          "server/discover": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "server/discover" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } },
          "subscriptions/listen": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "subscriptions/listen" },
            "resource": { "type": "mcp_server", "id": "$token.aud" } } },
          "tasks/update": { "evaluation": {
            "subject": { "type": "identity", "id": "$token.sub" },
            "context": { "agent": "$token.?client_id" },
            "action": { "name": "tasks/update" },
            "resource": { "type": "task", "id": "$params.taskId" } } }
        }
        """;
}
