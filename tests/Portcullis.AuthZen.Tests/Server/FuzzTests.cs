using Xunit.Abstractions;

namespace Portcullis.AuthZen.Tests.Server;

[Collection(AuthZenServerCollection.Name)]
public sealed class FuzzTests(AuthZenServerFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task Fuzz_RandomAndMutatedBodies_NeverA500OrAHang() =>
        output.WriteLine(await EndpointFuzzer.RunAsync(server.BaseAddress, TimeSpan.FromSeconds(5), seed: 20250101));
}
