using Portcullis.Cel.Values;

namespace Portcullis.Conformance;

/// <summary>Checks the harness itself: every in-scope expected value and binding converts, and conversion keeps kinds.</summary>
public sealed class ProtoJsonValueTests
{
    [Fact]
    public void ToCelValue_AllInScopeValuesAndBindings_Convert()
    {
        var problems = new List<string>();
        foreach (var c in ConformanceData.Instance.InScope)
        {
            try
            {
                if (c.ExpectedValue is { } v) ProtoJsonValue.ToCelValue(v);
                if (c.Bindings is { } b)
                {
                    foreach (var p in b.EnumerateObject()) ProtoJsonValue.ToCelValue(p.Value.GetProperty("value"));
                }
            }
            catch (Exception ex) when (ex is NotSupportedException or FormatException or KeyNotFoundException)
            {
                problems.Add($"{c.Id}: {ex.Message}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("""{"int64Value":"-5"}""", CelValueKind.Int)]
    [InlineData("""{"uint64Value":"18446744073709551615"}""", CelValueKind.Uint)]
    [InlineData("""{"doubleValue":"NaN"}""", CelValueKind.Double)]
    [InlineData("""{"bytesValue":"AP8="}""", CelValueKind.Bytes)]
    [InlineData("""{"typeValue":"google.protobuf.Duration"}""", CelValueKind.Type)]
    [InlineData("""{"mapValue":{"entries":[{"key":{"int64Value":"1"},"value":{"listValue":{}}}]}}""", CelValueKind.Map)]
    [InlineData("""{"objectValue":{"@type":"type.googleapis.com/google.protobuf.Timestamp","value":"2009-02-13T23:31:30.123456789Z"}}""", CelValueKind.Timestamp)]
    [InlineData("""{"objectValue":{"@type":"type.googleapis.com/google.protobuf.Duration","value":"-1.5s"}}""", CelValueKind.Duration)]
    public void ToCelValue_ThenToProtoJson_RoundTrips(string json, CelValueKind kind)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var value = ProtoJsonValue.ToCelValue(doc.RootElement);
        Assert.Equal(kind, value.Kind);
        using var again = System.Text.Json.JsonDocument.Parse(ProtoJsonValue.ToProtoJson(value).ToJsonString());
        Assert.True(StrictValueEquality.Equal(value, ProtoJsonValue.ToCelValue(again.RootElement)));
    }

    [Fact]
    public void ToCelValue_NegativeZeroString_KeepsSign()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"doubleValue":"-0"}""");
        Assert.True(double.IsNegative(ProtoJsonValue.ToCelValue(doc.RootElement).AsDouble));
        Assert.Equal("-0", ConformanceData.Instance.ById["fp_math/fp_math/negative_zero"].ExpectedValue!.Value.GetProperty("doubleValue").GetString());
    }

    [Fact]
    public void StrictEquality_SameNumberDifferentKinds_NotEqual()
    {
        Assert.False(StrictValueEquality.Equal(CelValue.Int(1), CelValue.Uint(1)));
        Assert.False(StrictValueEquality.Equal(CelValue.Int(1), CelValue.Double(1)));
        Assert.True(StrictValueEquality.Equal(CelValue.Double(double.NaN), CelValue.Double(double.NaN)));
        Assert.False(StrictValueEquality.Equal(CelValue.Double(0.0), CelValue.Double(-0.0)));
    }
}
