using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Mapping;

/// <summary>The decision-cache key of an AuthZEN request: the SHA-256 of its canonical JSON (object members sorted by
/// ordinal name, at every depth), so the same request gives the same key whatever its property order.</summary>
/// <remarks>The per-request context members <c>time</c> and <c>request_id</c> are left out: they differ on every
/// request and would make every lookup miss. A cached decision therefore ignores the time within its TTL.</remarks>
/// <param name="Value">The key: 64 lower-case hex digits.</param>
public readonly record struct CanonicalRequestKey(string Value)
{
    /// <summary>Returns the key of <paramref name="request"/>.</summary>
    public static CanonicalRequestKey For(EvaluationRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        WriteCanonical(buffer, request);
        return new CanonicalRequestKey(Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan)));
    }

    /// <summary>Returns the canonical JSON text the key hashes (for tests and diagnostics).</summary>
    public static string CanonicalJson(EvaluationRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        WriteCanonical(buffer, request);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static void WriteCanonical(IBufferWriter<byte> buffer, EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var writer = new Utf8JsonWriter(buffer);
        // Members in fixed (sorted) order; an absent part is written as null so it differs from an empty one.
        writer.WriteStartObject();
        writer.WritePropertyName("action");
        WriteEntity(writer, null, request.Action?.Name, request.Action?.Properties, request.Action is null);
        writer.WritePropertyName("context");
        WriteValue(writer, request.Context, skipVolatile: true);
        writer.WritePropertyName("options");
        if (request.Options is null) writer.WriteNullValue();
        else
        {
            writer.WriteStartObject();
            writer.WriteString("evaluations_semantic", request.Options.EvaluationsSemantic);
            writer.WritePropertyName("reasons");
            if (request.Options.Reasons is { } reasons) writer.WriteBooleanValue(reasons);
            else writer.WriteNullValue();
            writer.WriteEndObject();
        }
        writer.WritePropertyName("resource");
        WriteEntity(writer, request.Resource?.Type, request.Resource?.Id, request.Resource?.Properties, request.Resource is null);
        writer.WritePropertyName("subject");
        WriteEntity(writer, request.Subject?.Type, request.Subject?.Id, request.Subject?.Properties, request.Subject is null);
        writer.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter writer, string? type, string? id, JsonElement? properties, bool absent)
    {
        if (absent)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WritePropertyName("properties");
        WriteValue(writer, properties, skipVolatile: false);
        writer.WriteString("type", type);
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement? value, bool skipVolatile)
    {
        if (value is not { } element || element.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
            return;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    if (skipVolatile && member.Name is AuthZenRequestBuilder.ContextTime or AuthZenRequestBuilder.ContextRequestId) continue;
                    writer.WritePropertyName(member.Name);
                    WriteValue(writer, member.Value, skipVolatile: false);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteValue(writer, item, skipVolatile: false);
                writer.WriteEndArray();
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.WriteNumberValue(integer);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
