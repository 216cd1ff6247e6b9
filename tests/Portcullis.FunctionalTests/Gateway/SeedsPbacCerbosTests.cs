using System.Net;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>The seeds' PBAC block with Keycloak-shaped tokens (<c>preferred_username</c>, <c>realm_access.roles</c>,
/// <c>organization</c>) through <c>portcullis serve</c> to the real Cerbos, whose policy allows admins on the routes
/// of their own tenant; the same cases against the YAML and the JSON form of the configuration.</summary>
public sealed class SeedsPbacCerbosTests(SeedsPbacFixture gateway) : IClassFixture<SeedsPbacFixture>
{
    private static readonly Dictionary<string, (string Claims, string Method, string Path, bool Allowed)> Cases = new(StringComparer.Ordinal)
    {
        ["acme admin reads an acme order"] =
            ("""{"sub":"u1","preferred_username":"alice","organization":"acme","realm_access":{"roles":["admin","viewer"]}}""", "GET", "/acme/orders/1", true),
        ["acme admin deletes an acme order"] =
            ("""{"sub":"u1","preferred_username":"alice","organization":"acme","realm_access":{"roles":["admin"]}}""", "DELETE", "/acme/orders/2", true),
        ["globex admin reads a globex order"] =
            ("""{"sub":"u3","preferred_username":"carol","organization":"globex","realm_access":{"roles":["admin"]}}""", "GET", "/globex/orders/3", true),
        ["acme admin on a globex order"] =
            ("""{"sub":"u1","preferred_username":"alice","organization":"acme","realm_access":{"roles":["admin"]}}""", "GET", "/globex/orders/4", false),
        ["acme viewer on an acme order"] =
            ("""{"sub":"u2","preferred_username":"bob","organization":"acme","realm_access":{"roles":["viewer"]}}""", "GET", "/acme/orders/5", false),
        ["admin without an organization"] =
            ("""{"sub":"u4","preferred_username":"dave","realm_access":{"roles":["admin"]}}""", "GET", "/acme/orders/6", false),
        ["admin role outside realm_access"] =
            ("""{"sub":"u5","preferred_username":"erin","organization":"acme","roles":["admin"]}""", "GET", "/acme/orders/7", false),
        ["token without preferred_username"] =
            ("""{"sub":"u6","organization":"acme","realm_access":{"roles":["admin"]}}""", "GET", "/acme/orders/8", false),
    };

    public static TheoryData<string, string> FormatsAndCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { "yaml", "json" })
        {
            foreach (var name in Cases.Keys) data.Add(format, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndCases))]
    public async Task Send_KeycloakShapedToken_CerbosDecidesByRoleAndTenant(string format, string name)
    {
        var (claims, method, path, allowed) = Cases[name];
        var requestId = $"seeds-{format}-{path.Replace('/', '-')}";
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new("Bearer", gateway.Token(claims));
        request.Headers.Add("X-Request-ID", requestId);

        using var response = await gateway.Client(format).SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        var received = gateway.Upstream.Received.Where(r => r.Headers.TryGetValue("X-Request-ID", out var id) && id == requestId).ToList();
        var seen = $"{method} {path} answered {(int)response.StatusCode} {body}\ngateway output:\n{gateway.Output(format)}";
        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, seen);
            Assert.Equal($"{method} {path}", body);
            Assert.Single(received);
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, seen);
            Assert.Empty(received);
        }
    }
}
