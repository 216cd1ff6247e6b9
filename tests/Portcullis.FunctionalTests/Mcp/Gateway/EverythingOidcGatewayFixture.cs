using Portcullis.FunctionalTests.Oidc;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary><c>@modelcontextprotocol/server-everything</c> behind <c>portcullis serve</c> with tokens from
/// <c>oidc-provider</c>. Its tools declare no mapping, so the COAZ-MCP default decides a call (<c>tools/call</c> on
/// <c>{type: tool, id: the name}</c>): a <c>reader</c> may call <c>echo</c> and <c>get-sum</c> and no other tool.</summary>
public sealed class EverythingOidcGatewayFixture : OidcMcpGatewayFixture
{
    private ServerEverythingProcess? server;

    /// <summary>The tools a reader may call, in name order: the whole tools/list a reader sees.</summary>
    public static readonly string[] ReaderTools = ["echo", "get-sum"];

    /// <summary>A client whose tokens carry <c>roles: [reader]</c>.</summary>
    internal static OidcTestClient Reader { get; } = new("everything-reader", "everything-reader-secret",
        new Dictionary<string, object> { ["roles"] = new[] { "reader" } });

    /// <inheritdoc />
    public override string Resource => "https://everything.example.test/mcp";

    /// <inheritdoc />
    internal override IReadOnlyList<OidcTestClient> Clients => [Reader];

    /// <inheritdoc />
    protected override async Task<string> StartServerAsync(CancellationToken cancellationToken)
    {
        server = await ServerEverythingProcess.StartAsync(cancellationToken);
        return server.Endpoint.GetLeftPart(UriPartial.Authority);
    }

    /// <inheritdoc />
    protected override string PolicyFolder(TempFolder scratch)
    {
        scratch.Write("policies/mcp_server.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: mcp_server
              version: default
              rules:
                - name: signed-in-clients-use-the-server
                  actions: ["*"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
            """);
        scratch.Write("policies/tool.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: tool
              version: default
              rules:
                - name: readers-echo-and-add
                  actions: ["tools/call"]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                  condition:
                    match:
                      all:
                        of:
                          - expr: '"reader" in P.attr.roles'
                          - expr: 'R.id in ["echo", "get-sum"]'
            """);
        return Path.Combine(scratch.Root, "policies");
    }

    /// <inheritdoc />
    protected override async ValueTask StopServerAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
