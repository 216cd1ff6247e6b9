using Microsoft.Extensions.Primitives;
using Portcullis.Gateway.Mcp.Transport;

namespace Portcullis.Gateway.Tests.Mcp.Transport;

public sealed class McpProtocolVersionTests
{
    [Theory]
    [InlineData("2025-03-26", nameof(McpRevision.V2025_03_26))]
    [InlineData("2025-06-18", nameof(McpRevision.V2025_06_18))]
    [InlineData("2025-11-25", nameof(McpRevision.V2025_11_25))]
    [InlineData("2026-07-28", nameof(McpRevision.V2026_07_28))]
    public void Known_revisions_are_recognised(string header, string revisionName)
    {
        var revision = Enum.Parse<McpRevision>(revisionName);
        var version = McpProtocolVersion.Parse(header);
        Assert.Equal(McpProtocolVersionStatus.Known, version.Status);
        Assert.Equal(revision, version.Revision);
    }

    [Fact]
    public void No_header_means_2025_03_26()
    {
        var version = McpProtocolVersion.Parse(StringValues.Empty);
        Assert.Equal(McpProtocolVersionStatus.Absent, version.Status);
        Assert.Equal(McpRevision.V2025_03_26, version.Revision);
        Assert.True(version.IsUsable);
    }

    [Fact]
    public void An_unknown_date_is_unsupported() =>
        Assert.Equal(McpProtocolVersionStatus.Unsupported, McpProtocolVersion.Parse("2099-01-01").Status);

    [Theory]
    [InlineData("2026-7-28")]
    [InlineData("latest")]
    [InlineData(" 2026-07-28")]
    [InlineData("")]
    [InlineData("２026-07-28")]
    public void Other_text_is_malformed(string header) =>
        Assert.Equal(McpProtocolVersionStatus.Malformed, McpProtocolVersion.Parse(header).Status);

    [Fact]
    public void Two_headers_are_malformed() =>
        Assert.Equal(McpProtocolVersionStatus.Malformed, McpProtocolVersion.Parse(new StringValues(["2026-07-28", "2025-06-18"])).Status);

    [Theory]
    [InlineData("POST", nameof(McpRevision.V2026_07_28), true)]
    [InlineData("GET", nameof(McpRevision.V2026_07_28), false)]
    [InlineData("DELETE", nameof(McpRevision.V2026_07_28), false)]
    [InlineData("POST", nameof(McpRevision.V2025_06_18), true)]
    [InlineData("GET", nameof(McpRevision.V2025_06_18), true)]
    [InlineData("DELETE", nameof(McpRevision.V2025_11_25), true)]
    [InlineData("GET", nameof(McpRevision.V2025_03_26), true)]
    [InlineData("PUT", nameof(McpRevision.V2025_11_25), false)]
    [InlineData("PATCH", nameof(McpRevision.V2026_07_28), false)]
    [InlineData("OPTIONS", nameof(McpRevision.V2025_06_18), false)]
    public void Http_methods_per_revision(string method, string revisionName, bool allowed) =>
        Assert.Equal(allowed, McpRevisionRules.IsHttpMethodAllowed(method, Enum.Parse<McpRevision>(revisionName)));

    [Fact]
    public void The_allow_header_follows_the_revision()
    {
        Assert.Equal("POST", McpRevisionRules.AllowHeader(McpRevision.V2026_07_28));
        Assert.Equal("GET, POST, DELETE", McpRevisionRules.AllowHeader(McpRevision.V2025_06_18));
    }

    [Fact]
    public void Batches_only_in_2025_03_26_and_client_responses_only_before_2026_07_28()
    {
        Assert.True(McpRevisionRules.AllowsBatches(McpRevision.V2025_03_26));
        Assert.False(McpRevisionRules.AllowsBatches(McpRevision.V2025_06_18));
        Assert.True(McpRevisionRules.AllowsClientResponses(McpRevision.V2025_11_25));
        Assert.False(McpRevisionRules.AllowsClientResponses(McpRevision.V2026_07_28));
    }
}
