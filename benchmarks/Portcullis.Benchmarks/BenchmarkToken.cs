using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portcullis.Benchmarks;

/// <summary>
/// The token issuer of the gateway load test (<c>benchmarks/gateway-http</c>): makes a fresh RSA key, writes its public
/// JWKS to a file (the script serves it over HTTP) and prints one RS256 access token signed with it. The token's
/// subject is <c>bench-user</c> with the role claim <c>roles: ["user"]</c>; it lives one hour.
/// Run: <c>dotnet Portcullis.Benchmarks.dll --gateway-token ISSUER AUDIENCE JWKS_FILE</c>.
/// </summary>
internal static class BenchmarkToken
{
    public const string Subject = "bench-user";

    public static int Run(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: --gateway-token ISSUER AUDIENCE JWKS_FILE");
            return 2;
        }

        var (issuer, audience, jwksFile) = (args[1], args[2], args[3]);
        using var rsa = RSA.Create(2048);
        var keyId = $"bench-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        File.WriteAllText(jwksFile, Jwks(rsa, keyId));
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = Subject, ["roles"] = new[] { "user" } },
        });
        Console.WriteLine(token);
        return 0;
    }

    private static string Jwks(RSA rsa, string keyId)
    {
        var p = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = keyId,
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
        };
        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }
}
