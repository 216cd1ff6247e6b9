using System.Text.Json;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Tests.Mapping;

/// <summary>The seeds' block, a Keycloak-style token and a routed request, shared by the mapping tests.</summary>
internal static class MappingTestData
{
    public const string SeedBlockJson = """
        {"pdp":{"host":"http://cerbos:3593","platform":"cerbos"},"subject":{"type":"user","id":"claim::preferred_username",
        "properties":[{"key":"roles","claim":"realm_access.roles"},{"key":"tenant","claim":"organization"}]},
        "resource":{"type":"route","id":"$request.route"},"action":{"name":"$request.method"}}
        """;

    public const string SeedBlockYaml = """
        pdp:
          host: http://cerbos:3593
          platform: cerbos
        subject:
          type: user
          id: claim::preferred_username
          properties:
            - key: roles
              claim: realm_access.roles
            - key: tenant
              claim: organization
        resource:
          type: route
          id: $request.route
        action:
          name: $request.method
        """;

    public static CallerClaims Alice { get; } = CallerClaims.FromJson("""
        {"sub":"f1d2","preferred_username":"alice","organization":"acme","azp":"web",
         "realm_access":{"roles":["admin","viewer"]},"amr":["hwk","pwd"],"acr":"phr","level":3}
        """);

    public static RequestFacts DeleteTodo { get; } = new()
    {
        Method = "delete",
        Path = "/todos/42",
        RouteTemplate = "/todos/{todoId}",
        RouteParams = new Dictionary<string, string> { ["todoId"] = "42" },
        Host = "api.example.com",
        Query = new Dictionary<string, IReadOnlyList<string>> { ["b"] = ["2"], ["a"] = ["1", "3"] },
        Headers = RequestFacts.SelectHeaders(
        [
            new("X-Tenant-Hint", "acme"),
            new("Authorization", "Bearer secret-token"),
            new("Cookie", "session=secret"),
        ]),
        ClientIp = "203.0.113.7",
        Time = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 89, TimeSpan.FromHours(2)),
        RequestId = "req-1",
    };

    public static AuthZenMappingConfig ParseJson(string json)
    {
        var result = AuthZenMappingParser.ParseJson(json, "routes.docs.authzen");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Config!;
    }

    public static string Json(JsonElement? element) => element is { } e ? e.GetRawText() : "null";
}
