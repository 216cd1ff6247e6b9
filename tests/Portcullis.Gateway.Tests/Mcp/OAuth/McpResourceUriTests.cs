using Portcullis.Gateway.Mcp.OAuth;

namespace Portcullis.Gateway.Tests.Mcp.OAuth;

public sealed class McpResourceUriTests
{
    [Theory]
    [InlineData("https://mcp.example/mcp", "https://mcp.example/.well-known/oauth-protected-resource/mcp")]
    [InlineData("https://MCP.Example:443/public/mcp", "https://mcp.example/.well-known/oauth-protected-resource/public/mcp")]
    [InlineData("https://mcp.example", "https://mcp.example/.well-known/oauth-protected-resource")]
    [InlineData("https://mcp.example/", "https://mcp.example/.well-known/oauth-protected-resource")]
    [InlineData("http://127.0.0.1:8080/mcp", "http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp")]
    public void MetadataUrl_InsertsTheWellKnownPathBetweenHostAndPath(string resource, string expected)
    {
        Assert.Equal(expected, McpResourceUri.MetadataUrl(new Uri(resource)).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://mcp.example/mcp", "https://mcp.example/mcp")]
    [InlineData("HTTPS://MCP.EXAMPLE/mcp", "https://mcp.example/mcp")]
    [InlineData("https://mcp.example:443/mcp", "https://mcp.example/mcp")]
    [InlineData("https://mcp.example", "https://mcp.example/")]
    [InlineData("https://mcp.example/", "https://mcp.example")]
    public void Names_SameCanonicalResource_IsTrue(string audience, string resource)
    {
        Assert.True(McpResourceUri.Names(audience, new Uri(resource)));
    }

    [Theory]
    [InlineData("https://mcp.example/MCP")]
    [InlineData("https://mcp.example/mcp/")]
    [InlineData("https://mcp.example/mcp/other")]
    [InlineData("https://mcp.example")]
    [InlineData("http://mcp.example/mcp")]
    [InlineData("https://mcp.example:8443/mcp")]
    [InlineData("https://evil.example/mcp")]
    [InlineData("https://mcp.example.evil.example/mcp")]
    [InlineData("https://mcp.example/mcp?x=1")]
    [InlineData("https://mcp.example/mcp#x")]
    [InlineData("https://user@mcp.example/mcp")]
    [InlineData("https://mcp.example/x/../mcp")]
    [InlineData("mcp.example/mcp")]
    [InlineData("api://mcp")]
    [InlineData("")]
    public void Names_AnyOtherResource_IsFalse(string audience)
    {
        Assert.False(McpResourceUri.Names(audience, new Uri("https://mcp.example/mcp")));
    }
}
