namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>Cerbos-format policies for the MCP stage's gateway tests, decided by the real embedded PDP.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>mcp_server</c> (initialize, lists, GET and DELETE): everyone but <c>banned</c>.</item>
/// <item><c>tool</c> (the default <c>tools/call</c> mapping and list filtering): every tool but <c>delete_file</c>
/// and names starting with <c>secret_</c>. A case variant such as <c>Delete_File</c> is therefore allowed by policy:
/// only the gateway's exact-name rule can refuse it.</item>
/// <item><c>storage_object</c> (the <c>copy_object</c> declared mapping): anyone may <c>read</c>; <c>write</c> only
/// under <c>/archive/</c>.</item>
/// <item><c>account</c> (the conditional <c>transfer</c> mapping): <c>small_transfer</c> only.</item>
/// <item><c>document</c> (declared mappings without a subject): <c>read</c> only by the role <c>identity</c> (the
/// subject type the gateway supplies) and the principal <c>alice</c>.</item>
/// </list>
/// </remarks>
internal static class McpStagePolicies
{
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["policies/mcp_server.yaml"] = """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: mcp_server
              version: default
              rules:
                - name: everyone-but-banned
                  actions: ["*"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                  condition:
                    match:
                      expr: P.id != "banned"
            """,
        ["policies/tool.yaml"] = """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: tool
              version: default
              rules:
                - name: all-but-deletion-and-secrets
                  actions: ["tools/call"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                  condition:
                    match:
                      expr: R.id != "delete_file" && !R.id.startsWith("secret_")
            """,
        ["policies/storage_object.yaml"] = """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: storage_object
              version: default
              rules:
                - name: anyone-reads
                  actions: ["read"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                - name: writes-only-to-the-archive
                  actions: ["write"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                  condition:
                    match:
                      expr: R.id.startsWith("/archive/")
            """,
        ["policies/account.yaml"] = """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: account
              version: default
              rules:
                - name: small-transfers-only
                  actions: ["small_transfer"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
            """,
        ["policies/document.yaml"] = """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: document
              version: default
              rules:
                - name: alice-as-an-identity-reads
                  actions: ["read"]
                  effect: EFFECT_ALLOW
                  roles: ["identity"]
                  condition:
                    match:
                      expr: P.id == "alice"
            """,
    };
}
