namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>The test classes sharing one <see cref="FeatureGatewayFixture"/> (they run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class FeatureGatewayCollection : ICollectionFixture<FeatureGatewayFixture>
{
    public const string Name = "feature gateway";
}
