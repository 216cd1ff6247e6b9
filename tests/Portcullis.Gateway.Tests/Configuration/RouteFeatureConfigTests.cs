using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Tests.Configuration;

/// <summary>The route and top-level settings of the decision cache, failure mode, CORS and identity headers.</summary>
public sealed class RouteFeatureConfigTests
{
    private const string Head = """
        pdp:
          policies: policies
        issuers:
          - issuer: https://idp.example
            jwks_uri: https://idp.example/jwks
            audiences: [api]

        """;

    [Fact]
    public void LoadYaml_EverySetting_IsRead()
    {
        var result = Load("""
            decision_cache:
              max_entries: 500
            identity_headers:
              strip: [X-User-*, X-Internal-Secret]
              inject:
                X-User-Id: claim::sub
                X-Tenant-Id: $token.tenant
                X-Gateway: portcullis
            routes:
              - id: a
                path: /a/{id}
                methods: [GET, post]
                upstream: http://127.0.0.1:9
                decision_cache_ttl_seconds: 30
                failure_mode: open
                cors:
                  allowed_origins: [HTTPS://App.Example.com:443, "http://localhost:5173"]
                  allowed_methods: [GET]
                  allowed_headers: [Authorization, X-Custom]
                  exposed_headers: [X-Request-ID, ETag]
                  allow_credentials: true
                  max_age_seconds: 120
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var config = result.Config!;
        Assert.Equal(500, config.DecisionCacheMaxEntries);
        Assert.Equal(["X-User-*", "X-Internal-Secret"], config.IdentityHeaders.Strip);
        Assert.Equal(["X-User-Id", "X-Tenant-Id", "X-Gateway"], config.IdentityHeaders.Inject.Keys);
        var route = Assert.Single(config.Routes);
        Assert.Equal(TimeSpan.FromSeconds(30), route.DecisionCacheTtl);
        Assert.Equal(FailureMode.Open, route.FailureMode);
        var cors = route.Cors!;
        Assert.Equal(["https://app.example.com", "http://localhost:5173"], cors.AllowedOrigins);
        Assert.Equal(["GET"], cors.AllowedMethods);
        Assert.Equal(["Authorization", "X-Custom"], cors.AllowedHeaders);
        Assert.Equal(["X-Request-ID", "ETag"], cors.ExposedHeaders);
        Assert.True(cors.AllowCredentials);
        Assert.Equal(TimeSpan.FromSeconds(120), cors.MaxAge);
    }

    [Fact]
    public void LoadYaml_NoSettings_AreTheSafeDefaults()
    {
        var result = Load("""
            routes:
              - id: a
                path: /a
                upstream: http://127.0.0.1:9
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(TimeSpan.Zero, route.DecisionCacheTtl);
        Assert.Equal(FailureMode.Closed, route.FailureMode);
        Assert.Null(route.Cors);
        Assert.Equal(["X-User-*", "X-Tenant-*"], result.Config.IdentityHeaders.Strip);
        Assert.Equal(100_000, result.Config.DecisionCacheMaxEntries);
    }

    [Theory]
    [InlineData("decision_cache_ttl_seconds: 3601", "routes[0].decision_cache_ttl_seconds", "0 to 3600")]
    [InlineData("decision_cache_ttl_seconds: -1", "routes[0].decision_cache_ttl_seconds", "0 to 3600")]
    [InlineData("failure_mode: sometimes", "routes[0].failure_mode", "closed or open")]
    [InlineData("decison_cache_ttl_seconds: 30", "routes[0].decison_cache_ttl_seconds", "unknown key")]
    [InlineData("cors: {allowed_origins: ['*'], allow_credentials: true}", "routes[0].cors.allow_credentials", "'*'")]
    [InlineData("cors: {allowed_origins: ['https://app.example/path']}", "routes[0].cors.allowed_origins", "not an origin")]
    [InlineData("cors: {allowed_origins: ['ftp://app.example']}", "routes[0].cors.allowed_origins", "not an origin")]
    [InlineData("cors: {allowed_origins: ['app.example']}", "routes[0].cors.allowed_origins", "not an origin")]
    [InlineData("cors: {allowed_origins: ['*', 'https://a.example']}", "routes[0].cors.allowed_origins", "only origin")]
    [InlineData("cors: {allowed_methods: [GET]}", "routes[0].cors.allowed_origins", "is required")]
    [InlineData("cors: {allowed_origins: ['https://a.example'], allowed_methods: [FETCH]}", "routes[0].cors.allowed_methods", "unknown HTTP method")]
    [InlineData("cors: {allowed_origins: ['https://a.example'], allowed_headers: ['bad header']}", "routes[0].cors.allowed_headers", "not a header name")]
    [InlineData("cors: {allowed_origins: ['https://a.example'], max_age_seconds: 99999999}", "routes[0].cors.max_age_seconds", "0 to 86400")]
    [InlineData("cors: {allowed_origins: ['https://a.example'], allow_origin: x}", "routes[0].cors.allow_origin", "unknown key")]
    public void LoadYaml_BadRouteSetting_IsAProblemOnItsLine(string setting, string path, string message)
    {
        var result = Load($"""
            routes:
              - id: a
                path: /a
                upstream: http://127.0.0.1:9
                {setting}
            """);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(11, problem.Line);
    }

    [Theory]
    [InlineData("identity_headers: {strip: ['*']}", "identity_headers.strip", "not a header name")]
    [InlineData("identity_headers: {strip: ['X-*-Id']}", "identity_headers.strip", "not a header name")]
    [InlineData("identity_headers: {inject: {X-User-Id: '$token.sub +'}}", "identity_headers.inject.X-User-Id", "invalid expression")]
    [InlineData("identity_headers: {inject: {X-User-Id: 'claim:sub'}}", "identity_headers.inject.X-User-Id", "unknown claim syntax")]
    [InlineData("identity_headers: {inject: {Authorization: claim::sub}}", "identity_headers.inject.Authorization", "reserved")]
    [InlineData("identity_headers: {inject: {'X User': claim::sub}}", "identity_headers.inject.X User", "not a header name")]
    [InlineData("identity_headers: {inject: {X-Roles: [a, b]}}", "identity_headers.inject.X-Roles", "must be a text")]
    [InlineData("identity_headers: {stripp: [X-A]}", "identity_headers.stripp", "unknown key")]
    [InlineData("decision_cache: {max_entries: -5}", "decision_cache.max_entries", "0 to 10000000")]
    [InlineData("decision_cache: {max: 5}", "decision_cache.max", "unknown key")]
    [InlineData("identityheaders: {}", "identityheaders", "unknown key")]
    public void LoadYaml_BadTopLevelSetting_IsAProblemOnItsLine(string setting, string path, string message)
    {
        var result = Load($"""
            {setting}
            routes:
              - id: a
                path: /a
                upstream: http://127.0.0.1:9
            """);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void LoadYaml_UnknownKeysInIssuerAndPdp_AreProblems()
    {
        var result = GatewayConfigLoader.LoadYaml("""
            pdp:
              policies: policies
              polices: other
            issuers:
              - issuer: https://idp.example
                jwks_uri: https://idp.example/jwks
                audience: [api]
                audiences: [api]
            routes:
              - id: a
                path: /a
                upstream: http://127.0.0.1:9
            """, Path.GetTempPath());

        Assert.Contains(result.Problems, p => p.Path == "pdp.polices" && p.Line == 3);
        Assert.Contains(result.Problems, p => p.Path == "issuers[0].audience" && p.Line == 7);
    }

    private static GatewayConfigLoadResult Load(string yaml) => GatewayConfigLoader.LoadYaml(Head + yaml, Path.GetTempPath());
}
