using System.Text.Json;

namespace Portcullis.Gateway.Observability;

/// <summary>Writes a <see cref="DecisionRecord"/> as the one JSON object every record output uses: snake_case names,
/// null members left out, timings through <see cref="MillisecondsJsonConverter"/>. Written by hand with pre-encoded
/// names because it runs once per request; <see cref="DecisionRecordJsonContext"/> reads the same JSON back and a test
/// holds the two to the same output.</summary>
internal static class DecisionRecordJson
{
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText RequestId = JsonEncodedText.Encode("request_id");
    private static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText ClientId = JsonEncodedText.Encode("client_id");
    private static readonly JsonEncodedText Method = JsonEncodedText.Encode("method");
    private static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText RouteId = JsonEncodedText.Encode("route_id");
    private static readonly JsonEncodedText RouteTemplate = JsonEncodedText.Encode("route_template");
    private static readonly JsonEncodedText Decision = JsonEncodedText.Encode("decision");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Pdp = JsonEncodedText.Encode("pdp");
    private static readonly JsonEncodedText CacheHit = JsonEncodedText.Encode("cache_hit");
    private static readonly JsonEncodedText AuthenticationMs = JsonEncodedText.Encode("authentication_ms");
    private static readonly JsonEncodedText PdpMs = JsonEncodedText.Encode("pdp_ms");
    private static readonly JsonEncodedText UpstreamMs = JsonEncodedText.Encode("upstream_ms");
    private static readonly JsonEncodedText TotalMs = JsonEncodedText.Encode("total_ms");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Mcp = JsonEncodedText.Encode("mcp");
    private static readonly MillisecondsJsonConverter Milliseconds = new();

    /// <summary>Writes <paramref name="record"/> to <paramref name="writer"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString(Time, record.Time);
        writer.WriteString(RequestId, record.RequestId);
        WriteIfSet(writer, Subject, record.Subject);
        WriteIfSet(writer, ClientId, record.ClientId);
        writer.WriteString(Method, record.Method);
        writer.WriteString(Path, record.Path);
        WriteIfSet(writer, RouteId, record.RouteId);
        WriteIfSet(writer, RouteTemplate, record.RouteTemplate);
        writer.WriteString(Decision, record.Decision);
        WriteIfSet(writer, Reason, record.Reason);
        WriteIfSet(writer, Pdp, record.Pdp);
        writer.WriteBoolean(CacheHit, record.CacheHit);
        WriteMilliseconds(writer, AuthenticationMs, record.AuthenticationMs);
        WriteMilliseconds(writer, PdpMs, record.PdpMs);
        WriteMilliseconds(writer, UpstreamMs, record.UpstreamMs);
        WriteMilliseconds(writer, TotalMs, record.TotalMs);
        writer.WriteNumber(Status, record.Status);
        if (record.Mcp is { } messages)
        {
            writer.WritePropertyName(Mcp);
            JsonSerializer.Serialize(writer, messages, DecisionRecordJsonContext.Default.IReadOnlyListMcpMessageRecord);
        }
        writer.WriteEndObject();
    }

    /// <summary>Returns <paramref name="record"/> as one line of JSON.</summary>
    public static string Serialize(DecisionRecord record)
    {
        using var pooled = Mapping.PooledJsonBuffer.Rent();
        Write(pooled.Writer, record);
        return System.Text.Encoding.UTF8.GetString(pooled.WrittenSpan);
    }

    private static void WriteIfSet(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    private static void WriteMilliseconds(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        writer.WritePropertyName(name);
        Milliseconds.Write(writer, value, JsonSerializerOptions.Default);
    }
}
