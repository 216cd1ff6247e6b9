using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Tests.Pipeline;

public sealed class GatewayConfigLoaderTests
{
    [Fact]
    public void LoadYaml_SeveralProblems_ListsEveryOneWithItsLine()
    {
        const string yaml = """
            issuers:
              - issuer: https://idp.example
            routes:
              - id: a
                path: todos
                upstream: ftp://x
              - id: a
                path: /b
                upstream: http://127.0.0.1:9
                methods: [FETCH]
                authzen:
                  subject:
                    id: "$token.sub +"
            """;

        var result = GatewayConfigLoader.LoadYaml(yaml, Path.GetTempPath());

        Assert.False(result.Succeeded);
        var lines = result.Problems.Select(p => (p.Path, p.Line)).ToList();
        Assert.Contains(("issuers[0].audiences", 2), lines);
        Assert.Contains(("routes[0].path", 4), lines);
        Assert.Contains(("routes[0].upstream", 4), lines);
        Assert.Contains(("routes[1].id", 7), lines);
        Assert.Contains(("routes[1].methods", 10), lines);
        Assert.Contains(result.Problems, p => p.Path.StartsWith("routes[1].authzen.subject.id", StringComparison.Ordinal) && p.Line == 13);
    }

    [Fact]
    public void LoadYaml_ProtectedRouteWithoutIssuersOrPolicies_IsAProblem()
    {
        const string yaml = """
            routes:
              - id: a
                path: /a
                upstream: http://127.0.0.1:9
            """;

        var result = GatewayConfigLoader.LoadYaml(yaml, Path.GetTempPath());

        Assert.Contains(result.Problems, p => p.Message.Contains("no issuers", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Message.Contains("pdp.policies", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadYaml_AnonymousRoute_NeedsNeitherIssuersNorPolicies()
    {
        const string yaml = """
            routes:
              - id: health
                path: /health
                methods: [get]
                upstream: http://127.0.0.1:9
                anonymous: true
            """;

        var result = GatewayConfigLoader.LoadYaml(yaml, Path.GetTempPath());

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(["GET"], route.Methods);
        Assert.True(route.Anonymous);
    }

    [Fact]
    public void LoadYaml_IssuerTimings_AreReadInSeconds()
    {
        const string yaml = """
            issuers:
              - issuer: https://idp.example
                jwks_uri: https://idp.example/jwks
                audiences: [api]
                clock_skew_seconds: 10
                refresh_interval_seconds: 2
            routes:
              - id: health
                path: /health
                upstream: http://127.0.0.1:9
                anonymous: true
            """;

        var result = GatewayConfigLoader.LoadYaml(yaml, Path.GetTempPath());

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var issuer = Assert.Single(result.Config!.Issuers);
        Assert.Equal(TimeSpan.FromSeconds(10), issuer.ClockSkew);
        Assert.Equal(TimeSpan.FromSeconds(2), issuer.RefreshInterval);
    }

    [Theory]
    [InlineData("soon", "must be a whole number of seconds")]
    [InlineData("0", "refreshInterval")]
    public void LoadYaml_BadRefreshInterval_IsAProblemOnItsIssuer(string value, string message)
    {
        var yaml = $"""
            issuers:
              - issuer: https://idp.example
                jwks_uri: https://idp.example/jwks
                audiences: [api]
                refresh_interval_seconds: {value}
            routes:
              - id: health
                path: /health
                upstream: http://127.0.0.1:9
                anonymous: true
            """;

        var result = GatewayConfigLoader.LoadYaml(yaml, Path.GetTempPath());

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Path.StartsWith("issuers[0]", StringComparison.Ordinal) && p.Line == 2
            && p.Message.Contains(message, StringComparison.Ordinal));
    }
}
