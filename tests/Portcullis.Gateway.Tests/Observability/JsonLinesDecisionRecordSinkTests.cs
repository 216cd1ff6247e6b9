using System.Text.Json;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Observability;

public sealed class JsonLinesDecisionRecordSinkTests
{
    [Fact]
    public async Task Write_ThreeRecords_ThreeJsonLinesInOrderOnTheStream()
    {
        using var stream = new MemoryStream();
        var sink = new JsonLinesDecisionRecordSink(stream);

        for (var i = 0; i < 3; i++) sink.Write(Record($"req-{i}"));
        await sink.DisposeAsync();

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["req-0", "req-1", "req-2"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("request_id").GetString()));
        Assert.All(lines, l => Assert.Equal("allow", JsonDocument.Parse(l).RootElement.GetProperty("decision").GetString()));
    }

    [Theory]
    [InlineData("", DecisionRecordOutput.Stdout)]
    [InlineData("decision_records: {output: stdout}\n", DecisionRecordOutput.Stdout)]
    [InlineData("decision_records: {output: log}\n", DecisionRecordOutput.Log)]
    [InlineData("decision_records: {output: none}\n", DecisionRecordOutput.None)]
    public void Load_DecisionRecordsOutput_IsRead(string block, DecisionRecordOutput expected)
    {
        var loaded = GatewayConfigLoader.LoadYaml(block + "routes:\n  - {id: a, path: /a, upstream: 'http://127.0.0.1:1/', anonymous: true}\n", ".");

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        Assert.Equal(expected, loaded.Config!.DecisionRecords);
    }

    [Fact]
    public void Load_UnknownDecisionRecordsOutput_IsAProblemWithItsLine()
    {
        var loaded = GatewayConfigLoader.LoadYaml("routes:\n  - {id: a, path: /a, upstream: 'http://127.0.0.1:1/', anonymous: true}\ndecision_records:\n  output: syslog\n", ".");

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("decision_records.output", problem.Path);
        Assert.Equal(4, problem.Line);
    }

    private static DecisionRecord Record(string id) => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        RequestId = id,
        Method = "GET",
        Path = "/a",
        Decision = "allow",
        Status = 200,
    };
}
