namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The expense gateway with a tool policy that lets everyone see and call every tool by the default
/// <c>tools/call</c> shape: only the tools' declared mappings (checked against the expense policy) stop a call, so a
/// test shows which mapping decided.</summary>
public sealed class LenientListingExpenseGatewayFixture : ExpenseGatewayFixture
{
    /// <inheritdoc />
    protected override string? ToolPolicy => """
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: tool
          version: default
          rules:
            - name: everyone-every-tool
              actions: ["tools/call"]
              effect: EFFECT_ALLOW
              roles: ["*"]
        """;
}
