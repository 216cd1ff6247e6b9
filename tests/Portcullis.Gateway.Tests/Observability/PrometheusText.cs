using System.Globalization;
using System.Text.RegularExpressions;

namespace Portcullis.Gateway.Tests.Observability;

/// <summary>Reads samples from the Prometheus text exposition format, as a scraper would.</summary>
internal static partial class PrometheusText
{
    /// <summary>Sums the samples named <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public static double Sum(string text, string name, params (string Name, string Value)[] labels)
    {
        var sum = 0.0;
        foreach (var line in text.Split('\n'))
        {
            var match = Sample().Match(line.Trim());
            if (!match.Success || match.Groups["name"].Value != name) continue;
            var found = Labels(match.Groups["labels"].Value);
            if (labels.All(l => found.TryGetValue(l.Name, out var v) && v == l.Value))
            {
                sum += double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
        return sum;
    }

    private static Dictionary<string, string> Labels(string text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match label in Label().Matches(text)) labels[label.Groups["k"].Value] = label.Groups["v"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        return labels;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<k>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<v>(\\.|[^""\\])*)""")]
    private static partial Regex Label();
}
