using Portcullis.Gateway.Mapping;
using Portcullis.Gateway.Mcp.Discovery;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

public sealed class DiscoveryCallerTests
{
    [Fact]
    public void FromClaims_SubAndClientId()
    {
        var caller = DiscoveryCaller.FromClaims(CallerClaims.FromJson("""{"sub":"alice","client_id":"agent-app"}"""), "sub");

        Assert.Equal(new DiscoveryCaller("alice", "agent-app"), caller);
    }

    [Fact]
    public void FromClaims_OnBehalfOfClaim_IsTheSubjectAndTheAgentStaysTheClient()
    {
        var caller = DiscoveryCaller.FromClaims(CallerClaims.FromJson("""{"sub":"agent-7","act_for":"bob","azp":"agent-app"}"""), "act_for");

        Assert.Equal(new DiscoveryCaller("bob", "agent-app"), caller);
    }

    [Theory]
    [InlineData("""{"client_id":"agent-app"}""")]
    [InlineData("""{"sub":""}""")]
    [InlineData("""{"sub":42}""")]
    [InlineData("""{"sub":["alice"]}""")]
    public void FromClaims_NoUsableSubject_Null(string claims) =>
        Assert.Null(DiscoveryCaller.FromClaims(CallerClaims.FromJson(claims), "sub"));
}
