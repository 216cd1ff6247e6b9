namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>The hostile-input test classes share one gateway (and its issuer, upstream and PDPs).</summary>
[CollectionDefinition(Name)]
public sealed class HostileGatewayCollection : ICollectionFixture<HostileGatewayFixture>
{
    public const string Name = "Hostile gateway";
}
