using Portcullis.AuthZen.Tests.Server;
using Portcullis.FunctionalTests.Interop;
using Xunit.Abstractions;

namespace Portcullis.FunctionalTests.Fuzz;

/// <summary>Random and mutated JSON against the real <c>portcullis pdp</c> (policies, directory, mapping and all):
/// every answer is a JSON 200, 400 or 413, never a 500 or a hang.</summary>
public sealed class PdpFuzzTests(SearchPdpFixture pdp, ITestOutputHelper output) : IClassFixture<SearchPdpFixture>
{
    [Fact]
    public async Task Fuzz_RealPdp_NeverA500OrAHang() =>
        output.WriteLine(await EndpointFuzzer.RunAsync(pdp.Client.BaseAddress!, TimeSpan.FromSeconds(4), seed: 20261124));
}
