namespace Portcullis.Gateway.Tests;

/// <summary>Placeholder removed as soon as the first gateway component lands; keeps the project runnable.</summary>
public sealed class ProjectSmokeTests
{
    [Fact]
    public void GatewayAssembly_Loads() => Assert.Equal("Portcullis.Gateway", typeof(GatewayAssemblyMarker).Assembly.GetName().Name);
}
