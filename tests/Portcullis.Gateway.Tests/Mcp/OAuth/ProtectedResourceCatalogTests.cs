using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Mcp.OAuth;

namespace Portcullis.Gateway.Tests.Mcp.OAuth;

public sealed class ProtectedResourceCatalogTests
{
    private const string Root = "/.well-known/oauth-protected-resource";

    [Fact]
    public void Build_OneMcpServer_IsServedAtItsPathItsRouteAndTheRoot()
    {
        var catalog = ProtectedResourceCatalog.Build([Route("a", "/gateway/mcp", "https://mcp.example/mcp"), Route("rest", "/rest", null)]);

        Assert.Equal("https://mcp.example/mcp", Resource(catalog, Root + "/mcp"));
        Assert.Equal("https://mcp.example/mcp", Resource(catalog, Root + "/gateway/mcp"));
        Assert.Equal("https://mcp.example/mcp", Resource(catalog, Root));
        Assert.Equal("https://mcp.example/mcp", Resource(catalog, Root + "/mcp/"));
        Assert.Null(catalog.Find(Root + "/rest"));
        Assert.Empty(catalog.Conflicts);
    }

    [Fact]
    public void Build_SeveralMcpServers_LeavesTheRootUnservedRatherThanGuessing()
    {
        var catalog = ProtectedResourceCatalog.Build([Route("a", "/a/mcp", "https://mcp.example/a/mcp"), Route("b", "/b/mcp", "https://mcp.example/b/mcp")]);

        Assert.Equal("https://mcp.example/a/mcp", Resource(catalog, Root + "/a/mcp"));
        Assert.Equal("https://mcp.example/b/mcp", Resource(catalog, Root + "/b/mcp"));
        Assert.Null(catalog.Find(Root));
    }

    [Fact]
    public void Build_SeveralMcpServersOneWithoutPath_TheRootIsThatOnesOwnAddress()
    {
        var catalog = ProtectedResourceCatalog.Build([Route("a", "/a/mcp", "https://mcp.example/a/mcp"), Route("root", "/mcp", "https://root.example")]);

        Assert.Equal("https://root.example", Resource(catalog, Root));
    }

    [Fact]
    public void Build_RouteTemplateWithParameters_IsServedOnlyAtTheResourcePath()
    {
        var catalog = ProtectedResourceCatalog.Build([Route("a", "/tenants/{tenant}/mcp", "https://mcp.example/mcp"), Route("b", "/b", "https://mcp.example/b")]);

        Assert.DoesNotContain(catalog.Paths, p => p.Contains('{', StringComparison.Ordinal));
        Assert.Equal([Root + "/b", Root + "/mcp"], catalog.Paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_Document_HasTheRfc9728Members()
    {
        var mcp = new McpRouteConfig
        {
            Resource = new Uri("https://MCP.example/mcp"),
            AuthorizationServers = [new Uri("https://idp.example")],
            ScopesSupported = ["mcp:read"],
            RequiredScopes = ["mcp:tools", "mcp:read"],
            ResourceName = "Expenses",
        };
        var catalog = ProtectedResourceCatalog.Build([new GatewayRouteConfig { Id = "a", Path = "/mcp", Upstream = new Uri("http://127.0.0.1:9"), Mcp = mcp }]);

        using var json = JsonDocument.Parse(catalog.Find(Root + "/mcp"));
        var root = json.RootElement;
        Assert.Equal("https://mcp.example/mcp", root.GetProperty("resource").GetString());
        Assert.Equal(["https://idp.example"], root.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["mcp:read", "mcp:tools"], root.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["header"], root.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Expenses", root.GetProperty("resource_name").GetString());
    }

    [Fact]
    public void Find_DocumentWithoutScopesOrName_LeavesThoseMembersOut()
    {
        var catalog = ProtectedResourceCatalog.Build([Route("a", "/mcp", "https://mcp.example/mcp")]);

        using var json = JsonDocument.Parse(catalog.Find(Root));
        Assert.False(json.RootElement.TryGetProperty("scopes_supported", out _));
        Assert.False(json.RootElement.TryGetProperty("resource_name", out _));
    }

    private static string? Resource(ProtectedResourceCatalog catalog, string path)
    {
        if (catalog.Find(new PathString(path)) is not { } document) return null;
        using var json = JsonDocument.Parse(document);
        return json.RootElement.GetProperty("resource").GetString();
    }

    private static GatewayRouteConfig Route(string id, string path, string? resource) => new()
    {
        Id = id,
        Path = path,
        Upstream = new Uri("http://127.0.0.1:9"),
        Mcp = resource is null ? null : new McpRouteConfig { Resource = new Uri(resource), AuthorizationServers = [new Uri("https://idp.example")] },
    };
}
