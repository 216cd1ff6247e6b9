namespace Portcullis.FunctionalTests.Interop;

/// <summary>`portcullis pdp` serving samples/interop/idp.</summary>
public sealed class IdpPdpFixture : PortcullisPdpFixture
{
    public IdpPdpFixture()
        : base("idp")
    {
    }
}
