using Portcullis.Gateway.Mcp.Discovery;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

public sealed class McpCacheScopeTests
{
    [Theory]
    [InlineData("2026-07-28", true)]
    [InlineData("2026-12-01", true)]
    [InlineData("2025-11-25", false)]
    [InlineData("2025-06-18", false)]
    [InlineData("2024-11-05", false)]
    [InlineData("draft", false)]
    [InlineData("2026-13-45", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsDefined_OnlyFromTheRevisionThatAddedIt(string? version, bool expected) =>
        Assert.Equal(expected, McpCacheScope.IsDefined(version));
}
