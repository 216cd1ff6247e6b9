using System.Text.Json;

namespace Portcullis.Gateway.Mapping;

/// <summary>Builds self-contained <see cref="JsonElement"/> values without a serializer context.</summary>
internal static class JsonValues
{
    /// <summary>Returns <paramref name="text"/> as a JSON string element.</summary>
    public static JsonElement String(string text) => Build(text, static (writer, t) => writer.WriteStringValue(t));

    /// <summary>Writes with <paramref name="write"/> and returns the single JSON value written.</summary>
    public static JsonElement Build<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        using var pooled = PooledJsonBuffer.Rent();
        write(pooled.Writer, state);
        // ParseValue copies the bytes into the element's own document, so the buffer can be reused.
        var reader = new Utf8JsonReader(pooled.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
