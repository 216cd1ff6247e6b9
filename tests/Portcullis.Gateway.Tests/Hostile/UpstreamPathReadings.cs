using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Portcullis.Gateway.Tests.Pipeline;

namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>The ways an upstream might read the path it was sent, from strict to lenient, and which of the gateway's
/// route templates each reading falls under.</summary>
internal static class UpstreamPathReadings
{
    /// <summary>The hostile gateway's route templates.</summary>
    public static readonly string[] Templates = ["/public/{**rest}", "/admin/{**rest}", "/todos/{todoId}"];

    private static readonly Dictionary<string, TemplateMatcher> Matchers = Templates.ToDictionary(
        t => t, t => new TemplateMatcher(TemplateParser.Parse(t.TrimStart('/')), new RouteValueDictionary()), StringComparer.Ordinal);

    /// <summary>Returns the readings of what the upstream received: as Kestrel decoded it; as a lenient server would
    /// read the raw target (percent-decoded once, backslashes as slashes, <c>;</c> parameters dropped, empty segments
    /// merged, dot segments resolved); and the same after decoding until nothing changes.</summary>
    public static IReadOnlyList<string> Of(ReceivedRequest received)
    {
        var raw = received.RawTarget.Split('?')[0];
        return [received.Path, Lenient(Uri.UnescapeDataString(raw)), Lenient(DecodeFully(raw))];
    }

    /// <summary>Returns the template <paramref name="path"/> falls under, or null.</summary>
    public static string? TemplateOf(string path) =>
        Templates.FirstOrDefault(t => Matchers[t].TryMatch(new PathString(path), new RouteValueDictionary()));

    private static string DecodeFully(string text)
    {
        for (var decoded = Uri.UnescapeDataString(text); decoded != text; decoded = Uri.UnescapeDataString(text)) text = decoded;
        return text;
    }

    private static string Lenient(string path)
    {
        var segments = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            var semicolon = part.IndexOf(';', StringComparison.Ordinal);
            var segment = semicolon < 0 ? part : part[..semicolon];
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        return "/" + string.Join('/', segments);
    }
}
