using System.Text.Json;
using Portcullis.Gateway.Mcp.Stage;
using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Observability;

public sealed class DecisionRecordJsonTests
{
    public static TheoryData<string> Records => new() { "full", "minimal", "mcp", "awkward-text" };

    [Theory]
    [MemberData(nameof(Records))]
    public void Serialize_Record_IsExactlyWhatTheSerializerContextWrites(string name)
    {
        var record = Sample(name);

        var handWritten = DecisionRecordJson.Serialize(record);
        var generated = JsonSerializer.Serialize(record, DecisionRecordJsonContext.Default.DecisionRecord);

        Assert.Equal(generated, handWritten);
        var back = JsonSerializer.Deserialize(handWritten, DecisionRecordJsonContext.Default.DecisionRecord)!;
        Assert.Equal(record.RequestId, back.RequestId);
        Assert.Equal(record.Path, back.Path);
        Assert.Equal(record.Mcp?.Count, back.Mcp?.Count);
    }

    [Fact]
    public void Serialize_MinimalRecord_LeavesNullMembersOut()
    {
        using var json = JsonDocument.Parse(DecisionRecordJson.Serialize(Sample("minimal")));

        Assert.False(json.RootElement.TryGetProperty("subject", out _));
        Assert.False(json.RootElement.TryGetProperty("mcp", out _));
        Assert.Equal("no_route", json.RootElement.GetProperty("decision").GetString());
    }

    private static DecisionRecord Sample(string name) => name switch
    {
        "full" => new DecisionRecord
        {
            Time = new DateTimeOffset(2026, 12, 2, 10, 11, 12, 345, TimeSpan.Zero),
            RequestId = "0af7651916cd43dd8448eb211c80319c",
            Subject = "alice",
            ClientId = "todo-app",
            Method = "GET",
            Path = "/todos/42",
            RouteId = "todos",
            RouteTemplate = "/todos/{todoId}",
            Decision = "allow",
            Reason = "allowed",
            Pdp = "embedded",
            CacheHit = true,
            AuthenticationMs = 0.0421,
            PdpMs = 0.0079,
            UpstreamMs = 2.5,
            TotalMs = 2.61234,
            Status = 200,
        },
        "minimal" => new DecisionRecord
        {
            Time = DateTimeOffset.UnixEpoch, RequestId = "r", Method = "POST", Path = "/nowhere", Decision = "no_route", Status = 404,
        },
        "mcp" => new DecisionRecord
        {
            Time = DateTimeOffset.UnixEpoch, RequestId = "r", Method = "POST", Path = "/mcp", Decision = "allow", Status = 200,
            Mcp =
            [
                new McpMessageRecord { Kind = "request", Method = "tools/call", Id = "7", Name = "view_expense", Decision = "deny", ErrorCode = -32001 },
                new McpMessageRecord { Kind = "request", Method = "tools/list", Id = "8", Decision = "allow", Kept = 1, Removed = 2 },
            ],
        },
        _ => new DecisionRecord
        {
            Time = DateTimeOffset.UnixEpoch, RequestId = "r", Subject = "zoë \"the\" <admin>\n", Method = "GET",
            Path = "/caf\u00e9/\u2028/%2F", Decision = "deny", Reason = "policy \\ denied", Status = 403,
        },
    };
}
