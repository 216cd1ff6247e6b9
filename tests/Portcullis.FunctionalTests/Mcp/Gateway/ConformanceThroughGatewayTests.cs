using System.Text.Json;
using Portcullis.TestSupport.Mcp;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The MCP conformance suite (server mode, Node 22) through <c>portcullis serve</c> with an allow-all policy
/// to <c>@modelcontextprotocol/server-everything</c>: every check has the status it has directly against the same
/// server, as recorded in <c>Mcp/conformance-baseline.txt</c> (which <see cref="ServerEverythingConformanceTests"/>
/// keeps true). The gateway may refuse nothing and change nothing a client can see.</summary>
public sealed class ConformanceThroughGatewayTests
{
    private const string Resource = "https://everything.example.test/mcp";

    /// <summary>Every resource kind COAZ-MCP's default mappings use, every action, everyone.</summary>
    private static readonly string[] ResourceKinds = ["mcp_server", "tool", "resource", "prompt", "task"];

    [Fact]
    public async Task ConformanceSuite_ThroughTheGatewayAllowingAll_MatchesTheDirectBaseline()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        using var folder = new TempFolder();
        foreach (var kind in ResourceKinds) folder.Write($"policies/{kind}.yaml", AllowAll(kind));
        await using var issuer = await TestIssuerServer.StartAsync(TestKey.Rsa1);
        await using var server = await ServerEverythingProcess.StartAsync(timeout.Token);
        var config = McpRouteYaml.Build(McpRouteYaml.JwksIssuer(issuer.Issuer, issuer.JwksUri, Resource),
            server.Endpoint.GetLeftPart(UriPartial.Authority), Resource, folder.Folder("policies"));
        await using var gateway = await PortcullisGatewayProcess.StartAsync(folder.Write("portcullis.yaml", config), timeout.Token);
        var token = issuer.Issue(TestKey.Rsa1, Resource, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = "conformance-suite", ["client_id"] = "mcp-conformance",
        }));

        var run = await McpConformanceSuite.RunServerAsync(new Uri(gateway.BaseAddress, "/mcp"), token, timeout.Token);

        var text = run.ToBaseline(
            "MCP conformance suite (server mode) through `portcullis serve` (allow-all policy) to server-everything.\n" +
            "Compared with Mcp/conformance-baseline.txt, the same suite directly against the same server.");
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Artifacts, "mcp-conformance-through-gateway.txt"), text, timeout.Token);
        var differences = run.DifferencesFrom(ConformanceRun.ReadBaseline(ServerEverythingConformanceTests.BaselinePath));
        Assert.True(differences.Count == 0,
            $"Through the gateway the conformance results differ from the direct baseline:\n{string.Join('\n', differences)}" +
            $"\n\nsuite output:\n{run.Output}\n\ngateway output:\n{gateway.Output}");
        Assert.DoesNotContain(token, gateway.Output, StringComparison.Ordinal);
    }

    private static string AllowAll(string kind) => $"""
        apiVersion: api.cerbos.dev/v1
        resourcePolicy:
          resource: {kind}
          version: default
          rules:
            - name: everyone-everything
              actions: ["*"]
              effect: EFFECT_ALLOW
              roles: ["*"]
        """;
}
