using Portcullis.Cel.Library;
using Portcullis.Cel.Values;
using static Portcullis.Cel.Tests.Library.LibraryCalls;

namespace Portcullis.Cel.Tests.Library;

public class EncodersExtensionTests
{
    private readonly LibraryCalls _calls = new(EncodersExtension.Register);

    [Fact]
    public void Encode_Bytes_PaddedBase64() =>
        Assert.Equal("aGVsbG8=", Str(_calls.Global("base64.encode", CelValue.Bytes("hello"u8.ToArray()))));

    [Theory]
    [InlineData("aGVsbG8=")]
    [InlineData("aGVsbG8")]
    public void Decode_WithOrWithoutPadding_Bytes(string text) =>
        Assert.Equal("hello"u8.ToArray(), _calls.Global("base64.decode", S(text)).AsBytes);

    [Theory]
    [InlineData("a")]
    [InlineData("aGVs bG8=")]
    [InlineData("aGV*bG8=")]
    [InlineData("aG=sbG8=")]
    public void Decode_InvalidInput_Error(string text) => Assert.True(_calls.Global("base64.decode", S(text)).IsError);

    [Fact]
    public void Decode_WrongType_NoSuchOverload() =>
        Assert.Contains("no such overload", Err(_calls.Global("base64.decode", I(1))), StringComparison.Ordinal);
}
