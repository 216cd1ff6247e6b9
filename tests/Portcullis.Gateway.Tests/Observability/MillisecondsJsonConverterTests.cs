using System.Text;
using System.Text.Json;
using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Observability;

public sealed class MillisecondsJsonConverterTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.012, "0.012")]
    [InlineData(0.0123456, "0.012")]
    [InlineData(0.0125, "0.013")]
    [InlineData(0.05, "0.05")]
    [InlineData(0.0004, "0")]
    [InlineData(1234.5678, "1234.568")]
    [InlineData(30000.0, "30000")]
    [InlineData(-1.25, "-1.25")]
    public void Write_Duration_IsMillisecondsToTheMicrosecond(double milliseconds, string expected)
    {
        Assert.Equal(expected, Write(milliseconds));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Write_NotANumber_FailsAsSystemTextJsonDoes(double milliseconds)
    {
        Assert.Throws<ArgumentException>(() => Write(milliseconds));
    }

    [Fact]
    public void Write_Huge_FallsBackToPlainNumberText()
    {
        Assert.Equal(1e300, double.Parse(Write(1e300), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Serialize_Record_WritesItsTimingsThisWayAndReadsThemBack()
    {
        var record = new DecisionRecord { Time = DateTimeOffset.UnixEpoch, RequestId = "r1", Method = "GET", Path = "/", Decision = "allow", Status = 200, AuthenticationMs = 0.0421, PdpMs = 0, UpstreamMs = 1.5, TotalMs = 2.0006 };

        var json = LoggerDecisionRecordSink.Serialize(record);

        Assert.Contains("\"authentication_ms\":0.042,", json, StringComparison.Ordinal);
        Assert.Contains("\"pdp_ms\":0,", json, StringComparison.Ordinal);
        Assert.Contains("\"upstream_ms\":1.5,", json, StringComparison.Ordinal);
        Assert.Contains("\"total_ms\":2.001", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize(json, DecisionRecordJsonContext.Default.DecisionRecord)!;
        Assert.Equal(1.5, back.UpstreamMs);
    }

    private static string Write(double milliseconds)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new MillisecondsJsonConverter().Write(writer, milliseconds, JsonSerializerOptions.Default);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
