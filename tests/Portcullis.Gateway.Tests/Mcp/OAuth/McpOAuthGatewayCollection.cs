namespace Portcullis.Gateway.Tests.Mcp.OAuth;

/// <summary>The test classes sharing one <see cref="McpOAuthGatewayFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class McpOAuthGatewayCollection : ICollectionFixture<McpOAuthGatewayFixture>
{
    public const string Name = "mcp oauth gateway";
}
