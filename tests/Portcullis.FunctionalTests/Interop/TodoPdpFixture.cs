namespace Portcullis.FunctionalTests.Interop;

/// <summary>`portcullis pdp` serving samples/interop/todo.</summary>
public sealed class TodoPdpFixture : PortcullisPdpFixture
{
    public TodoPdpFixture()
        : base("todo")
    {
    }
}
