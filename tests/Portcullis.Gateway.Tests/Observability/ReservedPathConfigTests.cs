using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Tests.Observability;

/// <summary>Routes may not take the paths of the gateway's own endpoints.</summary>
public sealed class ReservedPathConfigTests
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/metrics")]
    [InlineData("/Metrics/{**rest}")]
    [InlineData("/healthz/{id}")]
    [InlineData("/.well-known/oauth-protected-resource")]
    [InlineData("/.well-known/oauth-protected-resource/{**rest}")]
    public void LoadYaml_RouteOnAGatewayEndpointPath_IsAProblemAtItsPath(string template)
    {
        var result = GatewayConfigLoader.LoadYaml(Yaml(template), Path.GetTempPath());

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("routes[0].path", problem.Path);
        Assert.Equal(2, problem.Line);
        Assert.Contains("/healthz, /readyz, /metrics", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthzone")]
    [InlineData("/api/metrics")]
    [InlineData("/{**rest}")]
    public void LoadYaml_RouteMerelyResemblingAGatewayEndpoint_IsAccepted(string template)
    {
        var result = GatewayConfigLoader.LoadYaml(Yaml(template), Path.GetTempPath());

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    private static string Yaml(string template) => $"""
        routes:
          - id: a
            path: "{template}"
            upstream: http://127.0.0.1:9
            anonymous: true
        """;
}
