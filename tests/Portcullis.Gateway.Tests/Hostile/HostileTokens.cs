using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portcullis.Gateway.Tests.Authentication;

namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>Valid and forged tokens for one trusted issuer whose real signing key is <see cref="TestKey.Rsa1"/>.</summary>
internal sealed class HostileTokens(string issuer, string audience)
{
    private static readonly JsonWebTokenHandler Signer = new();

    /// <summary>Returns a valid token for <paramref name="subject"/>.</summary>
    public string Valid(string subject) => Sign(subject, _ => { });

    /// <summary>Returns a correctly signed token valid only between <paramref name="notBefore"/> and <paramref name="expires"/>.</summary>
    public string WithLifetime(string subject, DateTime notBefore, DateTime expires) =>
        Sign(subject, d => { d.NotBefore = notBefore; d.Expires = expires; d.IssuedAt = notBefore; });

    /// <summary>Returns a correctly signed token naming another issuer.</summary>
    public string FromIssuer(string subject, string otherIssuer) => Sign(subject, d => d.Issuer = otherIssuer);

    /// <summary>Returns a correctly signed token for another audience.</summary>
    public string ForAudience(string subject, string otherAudience) => Sign(subject, d => d.Audience = otherAudience);

    /// <summary>Returns an unsigned token: header <c>{"alg":"none"}</c> and an empty signature.</summary>
    public string AlgNone(string subject)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = TestKey.Rsa1.KeyId };
        return Encode(header) + "." + Encode(Claims(subject)) + ".";
    }

    /// <summary>Returns a token signed with HS256 using the issuer's RSA public key (PEM text) as the HMAC secret, the
    /// classic key-confusion attack on verifiers that take the algorithm from the token.</summary>
    public string Hs256WithPublicKey(string subject)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestKey.Rsa1.PublicKeyPem)) { KeyId = TestKey.Rsa1.KeyId };
        return Sign(subject, d => d.SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));
    }

    /// <summary>Returns a token signed by another RSA key that claims the trusted key's id.</summary>
    public string SignedByImpostor(string subject)
    {
        var impostor = new RsaSecurityKey(((RsaSecurityKey)TestKey.Rsa2.PrivateKey).Rsa) { KeyId = TestKey.Rsa1.KeyId };
        return Sign(subject, d => d.SigningCredentials = new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>Returns a valid token for <paramref name="subject"/> whose payload was swapped for one naming
    /// <paramref name="claimedSubject"/>, keeping the original signature.</summary>
    public string WithSwappedPayload(string subject, string claimedSubject)
    {
        var parts = Valid(subject).Split('.');
        return parts[0] + "." + Encode(Claims(claimedSubject)) + "." + parts[2];
    }

    private string Sign(string subject, Action<SecurityTokenDescriptor> change)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = TestKey.Rsa1.Credentials(),
            Claims = new Dictionary<string, object> { ["sub"] = subject },
        };
        change(descriptor);
        return Signer.CreateToken(descriptor);
    }

    private JsonObject Claims(string subject)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject { ["iss"] = issuer, ["aud"] = audience, ["sub"] = subject, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 300 };
    }

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());
}
