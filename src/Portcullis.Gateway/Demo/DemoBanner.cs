using System.Globalization;
using System.Text;

namespace Portcullis.Gateway.Demo;

/// <summary>The text <c>portcullis demo</c> prints once everything listens: what runs where, the rule being shown,
/// and curl commands with ready tokens for an allowed call, a denied call, a call without token and a fresh token.</summary>
public static class DemoBanner
{
    /// <summary>The user whose call is allowed (an Acme admin with a phishing-resistant sign-in).</summary>
    public const string AllowedUser = "alice";

    /// <summary>The user whose call is denied (an Acme admin who signed in with a password).</summary>
    public const string DeniedUser = "bob";

    /// <summary>The user the token command mints for (a Globex admin).</summary>
    public const string MintedUser = "carol";

    /// <summary>The confidential Acme document both calls read.</summary>
    public const string DocumentPath = "/documents/doc-1";

    /// <summary>The last line of the banner.</summary>
    public const string LastLine = "Press Ctrl+C to stop.";

    /// <summary>Returns the banner for a gateway at <paramref name="gateway"/> whose configuration is
    /// <paramref name="configPath"/>, with tokens minted now by <paramref name="issuer"/>.</summary>
    public static string Format(Uri gateway, DevTokenIssuer issuer, Uri upstream, string configPath)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(upstream);
        var document = gateway.AbsoluteUri.TrimEnd('/') + DocumentPath;
        var lifetime = issuer.TokenLifetime.TotalMinutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{issuer.TokenLifetime.TotalHours:0} h")
            : string.Create(CultureInfo.InvariantCulture, $"{issuer.TokenLifetime.TotalMinutes:0} min");
        var text = new StringBuilder();
        text.AppendLine("Portcullis demo: the gateway in front of a small documents API, with the embedded PDP and a development");
        text.AppendLine("token issuer. Everything listens on loopback; nothing leaves this machine. Logs show warnings only.");
        text.AppendLine();
        text.AppendLine($"  gateway        {gateway.AbsoluteUri.TrimEnd('/')}   config {configPath} (deleted on exit)");
        text.AppendLine($"  token issuer   {issuer.Issuer}   development only: signs tokens for {string.Join(", ", issuer.UserNames)} on request");
        text.AppendLine($"  documents API  {upstream.AbsoluteUri.TrimEnd('/')}   the upstream; call it through the gateway");
        text.AppendLine();
        text.AppendLine("The rule (policies/document.yaml): doc-1 is Acme's and confidential, so only an Acme admin who signed in");
        text.AppendLine("with a phishing-resistant authenticator (acr \"phr\"/\"phrh\", or amr \"hwk\") may read it. doc-2 is Acme's");
        text.AppendLine("public product sheet (any Acme member); doc-3 is Globex's. GET /tenants/acme/documents lists a tenant's documents.");
        text.AppendLine();
        text.AppendLine($"# Allowed: {AllowedUser}, Acme admin, signed in with a security key (acr phr, amr hwk) -> 200 and the document");
        text.AppendLine($"curl -si {document} -H 'Authorization: Bearer {issuer.MintToken(AllowedUser)}'");
        text.AppendLine();
        text.AppendLine($"# Denied: {DeniedUser}, Acme admin, signed in with a password (amr pwd) -> 403 application/problem+json");
        text.AppendLine($"curl -si {document} -H 'Authorization: Bearer {issuer.MintToken(DeniedUser)}'");
        text.AppendLine();
        text.AppendLine("# No token -> 401 with a WWW-Authenticate: Bearer challenge");
        text.AppendLine($"curl -si {document}");
        text.AppendLine();
        text.AppendLine($"# A fresh token (user={string.Join(", ", issuer.UserNames)}; valid {lifetime}): send its access_token as above");
        text.AppendLine($"curl -s -X POST {issuer.TokenEndpoint.AbsoluteUri} -d user={MintedUser}");
        text.AppendLine();
        text.AppendLine($"The tokens above are valid for {lifetime}. {LastLine}");
        return text.ToString();
    }
}
