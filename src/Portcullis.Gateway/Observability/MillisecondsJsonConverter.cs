using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.Gateway.Observability;

/// <summary>Writes a duration in milliseconds with microsecond resolution (at most three decimals, no trailing zeros:
/// <c>0.012</c>, <c>2.5</c>, <c>0</c>), from an integer count of microseconds rather than through shortest round-trip
/// double formatting, which costs several times more on every decision record.</summary>
internal sealed class MillisecondsJsonConverter : JsonConverter<double>
{
    private const long MaxMicroseconds = long.MaxValue / 10;

    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var micros = double.IsFinite(value) ? Math.Round(value * 1000, MidpointRounding.AwayFromZero) : double.NaN;
        if (!(Math.Abs(micros) < MaxMicroseconds))
        {
            writer.WriteNumberValue(value);
            return;
        }
        Span<byte> text = stackalloc byte[24];
        var length = Format((long)micros, text);
        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }

    /// <summary>Writes <paramref name="micros"/> microseconds as milliseconds into <paramref name="text"/>; returns the length.</summary>
    internal static int Format(long micros, Span<byte> text)
    {
        var length = 0;
        if (micros < 0)
        {
            text[length++] = (byte)'-';
            micros = -micros;
        }
        var whole = micros / 1000;
        var fraction = (int)(micros % 1000);
        whole.TryFormat(text[length..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        length += written;
        if (fraction == 0) return length;
        text[length++] = (byte)'.';
        var divisor = 100;
        while (fraction > 0)
        {
            text[length++] = (byte)('0' + fraction / divisor);
            fraction %= divisor;
            divisor /= 10;
        }
        return length;
    }
}
