using System.Buffers.Text;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>The encoders extension: <c>base64.encode(bytes)</c> and <c>base64.decode(string)</c>.</summary>
public static class EncodersExtension
{
    /// <summary>Adds the functions to <paramref name="registry"/>.</summary>
    public static void Register(CelFunctionRegistry registry, CelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        registry.Add("base64.encode", CelCallStyle.Global, 1, static args =>
            args[0].Kind == CelValueKind.Bytes
                ? CelValue.String(Convert.ToBase64String(args[0].AsBytes))
                : CelFunctionRegistry.NoOverload("base64.encode", args));
        registry.Add("base64.decode", CelCallStyle.Global, 1, static args =>
            args[0].Kind == CelValueKind.String ? Decode(args[0].AsString) : CelFunctionRegistry.NoOverload("base64.decode", args));
    }

    /// <summary>Decodes standard base64, with or without padding (as cel-go accepts); line breaks are ignored as in Go.</summary>
    internal static CelValue Decode(string text)
    {
        if (text.Contains('\r') || text.Contains('\n')) text = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')) return InvalidInput();
        }
        var padded = (text.Length % 4) switch
        {
            0 => text,
            2 when !text.Contains('=') => text + "==",
            3 when !text.Contains('=') => text + "=",
            _ => null,
        };
        if (padded is null) return InvalidInput();
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        return Convert.TryFromBase64String(padded, buffer, out var written)
            ? CelValue.Bytes(buffer.AsSpan(0, written).ToArray())
            : InvalidInput();
    }

    private static CelValue InvalidInput() => CelValue.Error("base64.decode: illegal base64 data");
}
