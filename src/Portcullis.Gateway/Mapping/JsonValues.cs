using System.Buffers;
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
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, state);
        }
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
