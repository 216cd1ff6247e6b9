using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Portcullis.Gateway.Authentication;

/// <summary>Names a token by its SHA-256, so caches never hold the token itself.</summary>
internal readonly record struct TokenDigest(UInt128 High, UInt128 Low)
{
    /// <summary>Computes the digest of a token: ASCII (b64token) and at most <see cref="BearerHeader.MaxLength"/> characters.</summary>
    public static TokenDigest Of(ReadOnlySpan<char> token)
    {
        // Sized to the token, not to the largest one: a stack buffer is cleared on every call.
        Span<byte> bytes = stackalloc byte[Math.Min(token.Length, BearerHeader.MaxLength)];
        var length = Encoding.ASCII.GetBytes(token, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..length], hash);
        return new TokenDigest(BinaryPrimitives.ReadUInt128BigEndian(hash), BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
    }
}
