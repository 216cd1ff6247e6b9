using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Tests.Authentication;

public sealed class JwtIssuerConfigValidatorTests
{
    private static readonly JwtIssuerConfig Valid = new()
    {
        Issuer = "https://id.example",
        Discovery = new Uri("https://id.example/.well-known/openid-configuration"),
        Audiences = ["api://orders"],
    };

    [Fact]
    public void Validate_Defaults_HaveNoProblemsAndDocumentedValues()
    {
        Assert.Empty(JwtIssuerConfigValidator.Validate(Valid));
        Assert.Equal(["RS256", "PS256", "ES256"], Valid.AllowedAlgorithms);
        Assert.Equal(TimeSpan.FromSeconds(30), Valid.ClockSkew);
        Assert.Equal(TimeSpan.FromMinutes(10), Valid.JwksCacheLifetime);
        Assert.Equal(TimeSpan.FromMinutes(1), Valid.RefreshInterval);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("NONE")]
    [InlineData("HS256")]
    [InlineData("HS512")]
    public void Validate_NoneOrHmacAllowed_IsRefused(string alg)
    {
        var problems = JwtIssuerConfigValidator.Validate(Valid with { AllowedAlgorithms = ["RS256", alg] });

        Assert.Contains(problems, p => p.Contains($"'{alg}' is never accepted", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ManyProblems_ListsEveryOne()
    {
        var config = Valid with
        {
            JwksUri = new Uri("https://id.example/jwks"),
            Audiences = [],
            AllowedAlgorithms = ["XS1"],
            ClockSkew = TimeSpan.FromMinutes(6),
            JwksCacheLifetime = TimeSpan.FromMinutes(2),
            RefreshInterval = TimeSpan.Zero,
        };

        var problems = JwtIssuerConfigValidator.Validate(config);

        Assert.Equal(6, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("issuer 'https://id.example': ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PlainHttpOffLoopback_IsRefusedUnlessAllowed()
    {
        var remote = Valid with { Discovery = new Uri("http://id.example/.well-known/openid-configuration") };

        Assert.Single(JwtIssuerConfigValidator.Validate(remote));
        Assert.Empty(JwtIssuerConfigValidator.Validate(remote with { RequireHttpsMetadata = false }));
        Assert.Empty(JwtIssuerConfigValidator.Validate(Valid with { Discovery = new Uri("http://127.0.0.1:9000/.well-known/openid-configuration") }));
    }

    [Fact]
    public void Validate_SameIssuerTwice_IsAProblem()
    {
        var problems = JwtIssuerConfigValidator.Validate(new JwtAuthenticationConfig { Issuers = [Valid, Valid] });

        Assert.Contains(problems, p => p.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_InvalidConfiguration_ThrowsListingTheProblems()
    {
        var config = new JwtAuthenticationConfig { Issuers = [Valid with { AllowedAlgorithms = ["HS256"] }] };

        var error = Assert.Throws<ArgumentException>(() => new JwtAuthenticator(config, new HttpClient()));

        Assert.Contains("'HS256' is never accepted", error.Message, StringComparison.Ordinal);
    }
}
