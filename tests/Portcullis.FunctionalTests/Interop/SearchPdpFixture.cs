namespace Portcullis.FunctionalTests.Interop;

/// <summary>`portcullis pdp` serving samples/interop/search.</summary>
public sealed class SearchPdpFixture : PortcullisPdpFixture
{
    public SearchPdpFixture()
        : base("search")
    {
    }
}
