using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portcullis.Gateway.Demo;

/// <summary>An RSA key made when the development issuer starts (never stored), its public JWK, and RS256 signing of
/// compact JWS tokens (RFC 7515).</summary>
internal sealed class DevSigningKey : IDisposable
{
    // A JWT is not HTML: '+' in "at+jwt" and quotes in names stay as they are.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly RSA _rsa = RSA.Create(2048);

    public DevSigningKey()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        // RFC 7638 thumbprint of the public key: a stable, unique key id.
        var canonical = $$"""{"e":"{{Base64Url.EncodeToString(parameters.Exponent)}}","kty":"RSA","n":"{{Base64Url.EncodeToString(parameters.Modulus)}}"}""";
        KeyId = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        PublicJwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
    }

    /// <summary>Gets the key id (<c>kid</c>): the key's RFC 7638 thumbprint.</summary>
    public string KeyId { get; }

    /// <summary>Gets the public key as a JWK (RFC 7517), as the JWKS publishes it.</summary>
    public JsonObject PublicJwk { get; }

    /// <summary>Returns <paramref name="payload"/> signed as a compact JWS with <c>alg</c> RS256 and <c>typ</c> <paramref name="type"/>.</summary>
    public string Sign(JsonObject payload, string type)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = type, ["kid"] = KeyId };
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString(Compact))) + "." +
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString(Compact)));
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public void Dispose() => _rsa.Dispose();
}
