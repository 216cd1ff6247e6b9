namespace ExpenseManagement;

/// <summary>The <c>x-authzen-mapping</c> each tool declares in its <c>inputSchema</c> (COAZ-MCP binding, "Declaring a
/// Mapping"): how a gateway in front of this server builds the AuthZEN request for a <c>tools/call</c> of the tool.</summary>
/// <remarks>A string starting with <c>$</c> is a CEL expression over <c>params</c> (the JSON-RPC request's params) and
/// <c>token</c> (the access token's claims); <c>.?</c> leaves a field out when the claim or argument is absent. Every
/// mapping anchors <c>subject.id</c> to <c>$token.sub</c> and passes the token's <c>roles</c> and <c>amr</c> (how the
/// user signed in), so a policy can require analysts with a phishing-resistant authenticator.</remarks>
public static class ExpenseMappings
{
    /// <summary>Lists expenses: action <c>list</c> on the expense collection, the status filter in the context.</summary>
    public const string ListExpenses = """
        {
          "evaluation": {
            "subject": {
              "type": "identity",
              "id": "$token.sub",
              "properties": { "roles": "$token.?roles", "amr": "$token.?amr" }
            },
            "action": { "name": "list" },
            "resource": { "type": "expense", "id": "all" },
            "context": { "agent": "$token.?client_id", "status": "$params.arguments.?status" }
          }
        }
        """;

    /// <summary>Views one expense: action <c>view</c> on <c>{type: expense, id: the id argument}</c>.</summary>
    public const string ViewExpense = """
        {
          "evaluation": {
            "subject": {
              "type": "identity",
              "id": "$token.sub",
              "properties": { "roles": "$token.?roles", "amr": "$token.?amr" }
            },
            "action": { "name": "view" },
            "resource": { "type": "expense", "id": "$params.arguments.id" },
            "context": { "agent": "$token.?client_id" }
          }
        }
        """;

    /// <summary>Approves one expense: action <c>approve</c> on <c>{type: expense, id: the id argument}</c>, the
    /// approver's comment in the context.</summary>
    public const string ApproveExpense = """
        {
          "evaluation": {
            "subject": {
              "type": "identity",
              "id": "$token.sub",
              "properties": { "roles": "$token.?roles", "amr": "$token.?amr" }
            },
            "action": { "name": "approve" },
            "resource": { "type": "expense", "id": "$params.arguments.id" },
            "context": { "agent": "$token.?client_id", "comment": "$params.arguments.?comment" }
          }
        }
        """;
}
