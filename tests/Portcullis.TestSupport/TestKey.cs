using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Portcullis.TestSupport;

/// <summary>A signing key made in the test, with its public JWK as an issuer would publish it.</summary>
public sealed class TestKey
{
    private TestKey(string keyId, string algorithm, SecurityKey privateKey, JsonObject publicJwk, string publicKeyPem)
    {
        KeyId = keyId;
        Algorithm = algorithm;
        PrivateKey = privateKey;
        PublicJwk = publicJwk;
        PublicKeyPem = publicKeyPem;
    }

    // Generated once per test run: RSA key generation is the slowest thing these tests do.
    public static TestKey Rsa1 { get; } = Rsa("rsa-1");
    public static TestKey Rsa2 { get; } = Rsa("rsa-2");
    public static TestKey Rsa3 { get; } = Rsa("rsa-3");
    public static TestKey Ec1 { get; } = Ec("ec-1");

    public string KeyId { get; }
    public string Algorithm { get; }
    public SecurityKey PrivateKey { get; }
    public JsonObject PublicJwk { get; }
    public string PublicKeyPem { get; }

    public SigningCredentials Credentials(string? algorithm = null) => new(PrivateKey, algorithm ?? Algorithm);

    public static TestKey Rsa(string keyId)
    {
        var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA", ["kid"] = keyId, ["use"] = "sig",
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
        };
        return new TestKey(keyId, SecurityAlgorithms.RsaSha256, new RsaSecurityKey(rsa) { KeyId = keyId }, jwk, rsa.ExportSubjectPublicKeyInfoPem());
    }

    public static TestKey Ec(string keyId)
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC", ["kid"] = keyId, ["use"] = "sig", ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X!), ["y"] = Base64UrlEncoder.Encode(p.Q.Y!),
        };
        return new TestKey(keyId, SecurityAlgorithms.EcdsaSha256, new ECDsaSecurityKey(ec) { KeyId = keyId }, jwk, ec.ExportSubjectPublicKeyInfoPem());
    }
}
