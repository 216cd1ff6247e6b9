using Portcullis.AuthZen.Paging;

namespace Portcullis.AuthZen.Tests.Paging;

public sealed class PageTokenTests
{
    [Fact]
    public void Encode_ThenDecode_SameToken()
    {
        var token = new PageToken(SearchKind.Resource, 1000, -1, UInt128.MaxValue - 7);

        Assert.True(PageToken.TryDecode(token.Encode(), out var decoded));
        Assert.Equal(token, decoded);
    }

    [Fact]
    public void Encode_Always_UrlSafeWithoutPadding()
    {
        var text = new PageToken(SearchKind.Subject, int.MaxValue, 1000, UInt128.MaxValue).Encode();

        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AQ")]
    [InlineData("not a token")]
    [InlineData("+/+/")]
    public void TryDecode_Garbage_False(string text)
    {
        Assert.False(PageToken.TryDecode(text, out _));
    }

    [Fact]
    public void TryDecode_UnknownKindOrNegativeOffset_False()
    {
        var unknownKind = new PageToken((SearchKind)9, 0, 1, 0).Encode();
        var negativeOffset = new PageToken(SearchKind.Action, -5, 1, 0).Encode();

        Assert.False(PageToken.TryDecode(unknownKind, out _));
        Assert.False(PageToken.TryDecode(negativeOffset, out _));
    }
}
