using Portcullis.AuthZen.Client;

namespace Portcullis.AuthZen.Tests.Client;

public sealed class AuthZenClientOptionsTests
{
    [Fact]
    public void Validate_Defaults_OnlyTheMissingBaseAddress()
    {
        var problems = new AuthZenClientOptions().Validate();

        Assert.Equal(["The PDP base address must be an absolute http or https URL."], problems);
    }

    [Fact]
    public void Validate_OpenFgaWithoutStore_EveryProblemListed()
    {
        var options = new AuthZenClientOptions
        {
            BaseAddress = new Uri("ftp://pdp"),
            Platform = AuthZenPlatform.OpenFga,
            Timeout = TimeSpan.Zero,
        };

        var problems = options.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("store id", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_InvalidOptions_ArgumentExceptionNamingTheProblem()
    {
        var options = new AuthZenClientOptions { BaseAddress = new Uri("http://openfga:8080"), Platform = AuthZenPlatform.OpenFga, StoreId = "../x" };

        var e = Assert.Throws<ArgumentException>(() => new AuthZenHttpClient(options));

        Assert.Contains("explicit store id", e.Message, StringComparison.Ordinal);
    }
}
