using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Tests.Pipeline;

public sealed class AmbiguousPathTests
{
    [Theory]
    [InlineData("/public/..\\admin/x")]
    [InlineData("/public\\..\\admin")]
    [InlineData("/public/..;/admin/x")]
    [InlineData("/public/.;jsessionid=1/x")]
    [InlineData("/public/..%2Fadmin/x")]
    [InlineData("/public/..%2fadmin/x")]
    [InlineData("/public/%2e%2e/admin/x")]
    [InlineData("/public/%252e%252e/admin/x")]
    [InlineData("/todos/1%2F..%2F..%2Fadmin")]
    public void HidesDotSegment_DotSegmentBehindAnotherSeparator_IsTrue(string path) =>
        Assert.True(AmbiguousPath.HidesDotSegment(path));

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/x")]
    [InlineData("/todos/a%2Fb")]
    [InlineData("/todos/...")]
    [InlineData("/files/v1.2/..x")]
    [InlineData("/todos/a;b")]
    [InlineData("/todos/%C0%AE%C0%AE")]
    [InlineData("/todos/100%")]
    [InlineData("/todos/€")]
    public void HidesDotSegment_OrdinaryPath_IsFalse(string path) =>
        Assert.False(AmbiguousPath.HidesDotSegment(path));
}
