using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Tests.Configuration;

/// <summary>The route <c>mcp:</c> block: every key read, the defaults, and each bad setting a located problem.</summary>
public sealed class McpConfigTests
{
    private const string Issuers = """
        pdp:
          policies: policies
        issuers:
          - issuer: https://idp.example
            jwks_uri: https://idp.example/jwks
            audiences: [https://mcp.example/mcp]
          - issuer: https://login.example/tenant
            jwks_uri: https://login.example/jwks
            audiences: [https://mcp.example/mcp]

        """;

    [Fact]
    public void LoadYaml_EveryMcpKey_IsRead()
    {
        var result = Load("""
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                mcp:
                  resource: https://MCP.example/mcp
                  authorization_servers: [https://login.example/tenant]
                  scopes_supported: [mcp:tools, mcp:read]
                  required_scopes: mcp:tools
                  resource_name: Expense tools
                  subject_claim: act_sub
                  pass_token: true
                  log_arguments: true
                  max_body_bytes: 4096
                  enforce_on:
                    methods: [tools/call, resources/read]
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var mcp = Assert.Single(result.Config!.Routes).Mcp!;
        Assert.Equal(new Uri("https://mcp.example/mcp"), mcp.Resource);
        Assert.Equal(["https://login.example/tenant"], mcp.AuthorizationServers.Select(u => u.OriginalString));
        Assert.Equal(["mcp:tools", "mcp:read"], mcp.ScopesSupported);
        Assert.Equal(["mcp:tools"], mcp.RequiredScopes);
        Assert.Equal("Expense tools", mcp.ResourceName);
        Assert.Equal("act_sub", mcp.SubjectClaim);
        Assert.True(mcp.PassToken);
        Assert.True(mcp.LogArguments);
        Assert.Equal(4096, mcp.MaxBodyBytes);
        Assert.Equal(["tools/call", "resources/read"], mcp.EnforceOnMethods);
    }

    [Fact]
    public void LoadYaml_OnlyAResource_TakesTheSafeDefaultsAndAdvertisesEveryIssuer()
    {
        var result = Load("""
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                mcp:
                  resource: https://mcp.example/mcp
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var route = Assert.Single(result.Config!.Routes);
        var mcp = route.Mcp!;
        Assert.Equal(["https://idp.example", "https://login.example/tenant"], mcp.AuthorizationServers.Select(u => u.OriginalString));
        Assert.Empty(mcp.ScopesSupported);
        Assert.Empty(mcp.RequiredScopes);
        Assert.Null(mcp.ResourceName);
        Assert.Equal("sub", mcp.SubjectClaim);
        Assert.False(mcp.PassToken);
        Assert.False(mcp.LogArguments);
        Assert.Equal(1024 * 1024, mcp.MaxBodyBytes);
        Assert.Null(mcp.EnforceOnMethods);
        Assert.False(route.RemoveAuthorization);
    }

    [Fact]
    public void LoadYaml_RouteWithoutMcpBlock_HasNoMcpSettings()
    {
        var result = Load("""
            routes:
              - id: rest
                path: /rest
                upstream: http://127.0.0.1:9
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Null(Assert.Single(result.Config!.Routes).Mcp);
    }

    [Theory]
    [InlineData("http://localhost:8080/mcp")]
    [InlineData("http://127.0.0.1:8080/mcp")]
    [InlineData("http://[::1]/mcp")]
    [InlineData("https://mcp.example")]
    [InlineData("https://mcp.example:8443/server/mcp")]
    public void LoadYaml_GoodResource_IsAccepted(string resource)
    {
        var result = Load(McpRoute($"resource: \"{resource}\""));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Theory]
    [InlineData("resource: http://mcp.example/mcp", "routes[0].mcp.resource", "must use https", 15)]
    [InlineData("resource: mcp.example/mcp", "routes[0].mcp.resource", "absolute address", 15)]
    [InlineData("resource: ftp://mcp.example/mcp", "routes[0].mcp.resource", "https", 15)]
    [InlineData("resource: \"https://mcp.example/mcp#frag\"", "routes[0].mcp.resource", "fragment", 15)]
    [InlineData("resource: \"https://mcp.example/mcp?tenant=a\"", "routes[0].mcp.resource", "query", 15)]
    [InlineData("resource: \"https://user@mcp.example/mcp\"", "routes[0].mcp.resource", "user information", 15)]
    [InlineData("resource: \"https://mcp.example/a/../mcp\"", "routes[0].mcp.resource", "'..'", 15)]
    [InlineData("resourse: https://mcp.example/mcp", "routes[0].mcp.resourse", "unknown key", 15)]
    [InlineData("scopes_supported: [\"bad scope\"]", "routes[0].mcp.scopes_supported", "not a scope", 16)]
    [InlineData("required_scopes: ['say\"hi']", "routes[0].mcp.required_scopes", "not a scope", 16)]
    [InlineData("authorization_servers: [https://other.example]", "routes[0].mcp.authorization_servers", "not one of the configured issuers", 16)]
    [InlineData("authorization_servers: [https://idp.example/]", "routes[0].mcp.authorization_servers", "not one of the configured issuers", 16)]
    [InlineData("authorization_servers: []", "routes[0].mcp.authorization_servers", "at least one", 16)]
    [InlineData("max_body_bytes: 0", "routes[0].mcp.max_body_bytes", "1 to 268435456", 16)]
    [InlineData("pass_token: maybe", "routes[0].mcp.pass_token", "true or false", 16)]
    [InlineData("enforce_on: {method: [tools/call]}", "routes[0].mcp.enforce_on.method", "unknown key", 16)]
    [InlineData("enforce_on: {methods: ['tools/ call']}", "routes[0].mcp.enforce_on.methods", "not an MCP method name", 16)]
    [InlineData("subject_claim: ''", "routes[0].mcp.subject_claim", "non-empty", 16)]
    public void LoadYaml_BadMcpSetting_IsAProblemOnItsLine(string setting, string path, string message, int line)
    {
        var resource = setting.StartsWith("resour", StringComparison.Ordinal) ? "" : "resource: https://mcp.example/mcp";
        var result = Load(McpRoute(resource, setting));

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.Path == path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(line, problem.Line);
    }

    [Fact]
    public void LoadYaml_McpBlockWithoutResource_SaysItIsRequired()
    {
        var result = Load(McpRoute("resource_name: tools"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("routes[0].mcp.resource", problem.Path);
        Assert.Contains("is required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadYaml_AnonymousMcpRoute_IsAProblem()
    {
        var result = Load("""
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                anonymous: true
                mcp:
                  resource: https://mcp.example/mcp
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("routes[0].anonymous", problem.Path);
        Assert.Contains("cannot be anonymous", problem.Message, StringComparison.Ordinal);
        Assert.Equal(14, problem.Line);
    }

    [Fact]
    public void LoadYaml_PassTokenWithRemoveAuthorization_IsAContradiction()
    {
        var result = Load("""
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                remove_authorization: true
                mcp:
                  resource: https://mcp.example/mcp
                  pass_token: true
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("routes[0].remove_authorization", problem.Path);
        Assert.Contains("pass_token", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadYaml_FailOpenMcpRoute_IsAProblem_BecauseMcpAlwaysFailsClosed()
    {
        var result = Load("""
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                failure_mode: open
                mcp:
                  resource: https://mcp.example/mcp
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("routes[0].failure_mode", problem.Path);
        Assert.Contains("fails closed", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://pdp.example.test:8181", false)]
    [InlineData("http://10.0.0.5:8181", false)]
    [InlineData("https://pdp.example.test", true)]
    [InlineData("http://127.0.0.1:8181", true)]
    [InlineData("http://localhost:8181", true)]
    public void LoadYaml_McpRoutesRemotePdp_MustUseTlsUnlessOnLoopback(string host, bool accepted)
    {
        var result = Load($$"""
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                authzen:
                  pdp:
                    host: {{host}}
                mcp:
                  resource: https://mcp.example/mcp
            """);

        if (accepted)
        {
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }
        else
        {
            var problem = Assert.Single(result.Problems);
            Assert.Equal("routes[0].authzen.pdp.host", problem.Path);
            Assert.Contains("https", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LoadYaml_SeedsMcpValues_BecomeTheRoutesToolsCallMapping()
    {
        var result = Load("""
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                authzen:
                  action:
                    name: mcp::tool::name
                  resource:
                    type: expense
                    id: mcp::tool::arguments::id
                mcp:
                  resource: https://mcp.example/mcp
                  enforce_on:
                    methods: [tools/call]
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.NotNull(result.Config!.Routes[0].Mcp!.ConfiguredToolsCall);
    }

    [Fact]
    public void LoadYaml_SeedsMcpValuesOnARestRoute_IsAProblem()
    {
        var result = Load("""
            routes:
              - id: rest
                path: /rest
                upstream: http://127.0.0.1:9
                authzen:
                  action:
                    name: mcp::tool::name
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("routes[0].authzen", problem.Path);
        Assert.Contains("mcp: block", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadYaml_UnknownSeedsMcpValue_IsAProblem()
    {
        var result = Load("""
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                authzen:
                  action:
                    name: mcp::tool::title
                mcp:
                  resource: https://mcp.example/mcp
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("unknown MCP value", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadYaml_McpRouteWithoutIssuers_NeedsAToken()
    {
        var result = GatewayConfigLoader.LoadYaml("""
            pdp:
              policies: policies
            routes:
              - id: mcp
                path: /mcp
                upstream: http://127.0.0.1:9
                mcp:
                  resource: https://mcp.example/mcp
            """, Path.GetTempPath());

        Assert.Contains(result.Problems, p => p.Path == "routes[0]" && p.Message.Contains("no issuers", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadYaml_TwoMcpRoutesPublishingDifferentMetadataAtOnePath_IsAProblemAtTheSecondResource()
    {
        var result = Load("""
            routes:
              - id: one
                path: /mcp
                upstream: http://127.0.0.1:9
                mcp:
                  resource: https://mcp.example/mcp
              - id: two
                path: /other
                upstream: http://127.0.0.1:9
                mcp:
                  resource: https://mcp.example/mcp
                  resource_name: another server
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("routes[1].mcp.resource", problem.Path);
        Assert.Contains("/.well-known/oauth-protected-resource/mcp", problem.Message, StringComparison.Ordinal);
        Assert.Equal(20, problem.Line);
    }

    [Fact]
    public void LoadYaml_TwoRoutesOfTheSameMcpServer_ShareItsMetadata()
    {
        var result = Load("""
            routes:
              - id: post
                path: /mcp
                methods: [POST]
                upstream: http://127.0.0.1:9
                mcp:
                  resource: https://mcp.example/mcp
              - id: stream
                path: /mcp
                methods: [GET, DELETE]
                upstream: http://127.0.0.1:9
                mcp:
                  resource: https://mcp.example/mcp
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    private static string McpRoute(params string[] settings) =>
        "routes:\n  - id: mcp\n    path: /mcp\n    upstream: http://127.0.0.1:9\n    mcp:\n"
        + string.Concat(settings.Where(s => s.Length > 0).Select(s => "      " + s + "\n"));

    private static GatewayConfigLoadResult Load(string routes) => GatewayConfigLoader.LoadYaml(Issuers + routes, Path.GetTempPath());
}
