using System.Text.Json;

namespace Portcullis.FunctionalTests.Oidc;

/// <summary>A client-credentials client registered with <see cref="OidcProviderProcess"/>, whose access tokens also
/// carry <see cref="Claims"/> (e.g. <c>roles</c>, <c>amr</c>): the attributes an identity provider would add from its
/// directory. The tokens' <c>sub</c> is the client id.</summary>
/// <param name="ClientId">The client id (and the tokens' subject).</param>
/// <param name="ClientSecret">The client secret (test-only).</param>
/// <param name="Claims">The claims added to each of its access tokens; they cannot replace registered claims.</param>
internal sealed record OidcTestClient(string ClientId, string ClientSecret, IReadOnlyDictionary<string, object> Claims)
{
    /// <summary>Returns <paramref name="clients"/> as <c>tools/oidc-provider-server.mjs</c> reads them from
    /// <c>OIDC_EXTRA_CLIENTS</c>.</summary>
    public static string ToJson(IEnumerable<OidcTestClient> clients) =>
        JsonSerializer.Serialize(clients.Select(c => new Dictionary<string, object>
        {
            ["client_id"] = c.ClientId,
            ["client_secret"] = c.ClientSecret,
            ["claims"] = c.Claims,
        }));
}
