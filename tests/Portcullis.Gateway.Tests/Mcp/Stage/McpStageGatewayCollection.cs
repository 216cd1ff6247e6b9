namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>The test classes sharing one <see cref="McpStageGatewayFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class McpStageGatewayCollection : ICollectionFixture<McpStageGatewayFixture>
{
    public const string Name = "mcp stage gateway";
}
