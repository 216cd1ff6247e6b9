using System.Buffers.Binary;
using System.Buffers.Text;

namespace Portcullis.AuthZen.Paging;

/// <summary>The opaque <c>next_token</c>: where the next page starts, the limit the caller asked for, and a digest of
/// the request (without its page) so that a changed request is recognised.</summary>
/// <remarks>Layout before base64url: version (1 byte), search kind (1), offset (4, big-endian), requested limit
/// (4, -1 when none), request digest (16). The token is not secret: it only lets a caller skip ahead in a result list
/// it is allowed to read anyway.</remarks>
internal readonly record struct PageToken(SearchKind Kind, int Offset, int RequestedLimit, UInt128 Digest)
{
    private const byte Version = 1;
    private const int Length = 26;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        bytes[1] = (byte)Kind;
        BinaryPrimitives.WriteInt32BigEndian(bytes[2..], Offset);
        BinaryPrimitives.WriteInt32BigEndian(bytes[6..], RequestedLimit);
        BinaryPrimitives.WriteUInt128BigEndian(bytes[10..], Digest);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string token, out PageToken value)
    {
        value = default;
        Span<byte> bytes = stackalloc byte[Length];
        // IsValid first: decoding throws on characters outside the alphabet.
        if (token.Length > 64 ||
            !Base64Url.IsValid(token, out var length) ||
            length != Length ||
            !Base64Url.TryDecodeFromChars(token, bytes, out var written) ||
            written != Length ||
            bytes[0] != Version ||
            !Enum.IsDefined((SearchKind)bytes[1]))
        {
            return false;
        }

        var offset = BinaryPrimitives.ReadInt32BigEndian(bytes[2..]);
        var limit = BinaryPrimitives.ReadInt32BigEndian(bytes[6..]);
        if (offset < 0 || limit < -1)
        {
            return false;
        }

        value = new PageToken((SearchKind)bytes[1], offset, limit, BinaryPrimitives.ReadUInt128BigEndian(bytes[10..]));
        return true;
    }
}
