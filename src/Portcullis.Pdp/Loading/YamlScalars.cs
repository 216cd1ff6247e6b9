using System.Globalization;
using System.Text.RegularExpressions;
using Portcullis.Cel.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Pdp.Loading;

/// <summary>Resolves YAML scalars (in policy and directory files alike) with the YAML 1.2 core schema, so JSON and YAML
/// files read alike: quoted scalars
/// are strings; plain ones are null, bool, int or float when they look so (<c>yes</c> stays a string).</summary>
internal static partial class YamlScalars
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Returns the CEL value of <paramref name="node"/>.</summary>
    public static CelValue ToCel(YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        if (IsString(node)) return CelValue.String(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return CelValue.Null;
            case "true" or "True" or "TRUE": return CelValue.True;
            case "false" or "False" or "FALSE": return CelValue.False;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return CelValue.Double(double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF": return CelValue.Double(double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN": return CelValue.Double(double.NaN);
        }
        if (TryInteger(text, out var integer)) return integer;
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return CelValue.Double(d);
        }
        return CelValue.String(text);
    }

    /// <summary>Returns true when <paramref name="node"/> is a string by its style or tag, whatever its text.</summary>
    public static bool IsString(YamlScalarNode node) =>
        node.Style is not ScalarStyle.Plain and not ScalarStyle.Any || (!node.Tag.IsEmpty && node.Tag.Value == StringTag);

    private static bool TryInteger(string text, out CelValue value)
    {
        value = default;
        if (DecimalPattern().IsMatch(text))
        {
            // Attribute numbers are doubles, as Cerbos reads them (JSON numbers via google.protobuf.Value).
            value = CelValue.Double(double.Parse(text, CultureInfo.InvariantCulture));
            return true;
        }
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o'))
        {
            try
            {
                var u = Convert.ToUInt64(text[2..], text[1] == 'x' ? 16 : 8);
                value = CelValue.Double(u);
                return true;
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return false;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
