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
        using var pooled = PooledJsonBuffer.Rent();
        WriteCanonical(pooled.Writer, request);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(pooled.WrittenSpan, hash);
        return new CanonicalRequestKey(Convert.ToHexStringLower(hash));
    }

    /// <summary>Returns the canonical JSON text the key hashes (for tests and diagnostics).</summary>
    public static string CanonicalJson(EvaluationRequest request)
    {
        using var pooled = PooledJsonBuffer.Rent();
        WriteCanonical(pooled.Writer, request);
        return System.Text.Encoding.UTF8.GetString(pooled.WrittenSpan);
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static void WriteCanonical(Utf8JsonWriter writer, EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
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
                WriteObject(writer, element, skipVolatile);
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

    /// <summary>Writes an object's members sorted by ordinal name; members with the same name (JSON allows them) keep
    /// their order, so two objects differing only in the order of a repeated name never share a key.</summary>
    private static void WriteObject(Utf8JsonWriter writer, JsonElement element, bool skipVolatile)
    {
        writer.WriteStartObject();
        var count = 0;
        foreach (var _ in element.EnumerateObject()) count++;
        if (count > 0)
        {
            var rented = ArrayPool<Member>.Shared.Rent(count);
            try
            {
                var members = rented.AsSpan(0, count);
                var index = 0;
                foreach (var member in element.EnumerateObject())
                {
                    members[index] = new Member(member.Name, index, member.Value);
                    index++;
                }
                members.Sort(static (a, b) =>
                {
                    var byName = string.CompareOrdinal(a.Name, b.Name);
                    return byName != 0 ? byName : a.Index.CompareTo(b.Index);
                });
                foreach (var member in members)
                {
                    if (skipVolatile && member.Name is AuthZenRequestBuilder.ContextTime or AuthZenRequestBuilder.ContextRequestId) continue;
                    writer.WritePropertyName(member.Name);
                    WriteValue(writer, member.Value, skipVolatile: false);
                }
            }
            finally
            {
                ArrayPool<Member>.Shared.Return(rented, clearArray: true);
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>One object member: its name, its position in the object and its value.</summary>
    private readonly record struct Member(string Name, int Index, JsonElement Value);
}
