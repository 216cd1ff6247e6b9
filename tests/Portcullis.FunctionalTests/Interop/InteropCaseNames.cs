using System.Globalization;
using System.Text.Json;

namespace Portcullis.FunctionalTests.Interop;

/// <summary>Builds readable names for interop cases, e.g.
/// <c>todo 1_0-01 evaluation 14: CiRmZDE2…SBWxvY2Fs can_update_todo todo/7240d0db…096273b91 => true</c>.</summary>
internal static class InteropCaseNames
{
    public static string Describe(InteropCase c)
    {
        var request = c.Request;
        var number = (c.Index + 1).ToString("00", CultureInfo.InvariantCulture);
        var label = c.Endpoint is InteropEndpoint.Evaluation or InteropEndpoint.Evaluations
            ? $"{Source(c.File)} {c.Section} {number}"
            : $"{Source(c.File)} {number}";
        return c.Endpoint switch
        {
            InteropEndpoint.Evaluation =>
                $"{label}: {Id(request, "subject")} {Action(request)} {Entity(request, "resource")} => {c.Expected.GetRawText()}",
            InteropEndpoint.Evaluations =>
                $"{label}: {Id(request, "subject")} {Action(request)} on {BatchResources(request)} => {Decisions(c.Expected)}",
            InteropEndpoint.SearchSubject =>
                $"{label}: which {Type(request, "subject")} may {Action(request)} {Entity(request, "resource")}",
            InteropEndpoint.SearchResource =>
                $"{label}: which {Type(request, "resource")} may {Entity(request, "subject")} {Action(request)}",
            _ => $"{label}: what may {Entity(request, "subject")} do on {Entity(request, "resource")}",
        };
    }

    private static string Source(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var folder = Path.GetDirectoryName(file)?.Replace('\\', '/') ?? "";
        const string prefix = "decisions-authorization-api-";
        return name.StartsWith(prefix, StringComparison.Ordinal) ? $"{folder} {name[prefix.Length..]}" : folder;
    }

    private static string Entity(JsonElement request, string name) => $"{Type(request, name)}/{Id(request, name)}";

    private static string Type(JsonElement request, string name) =>
        request.TryGetProperty(name, out var e) && e.TryGetProperty("type", out var t) ? t.GetString() ?? "?" : "?";

    private static string Id(JsonElement request, string name) =>
        request.TryGetProperty(name, out var e) && e.TryGetProperty("id", out var id) ? Shorten(id.GetString() ?? "?") : "?";

    private static string Action(JsonElement request) =>
        request.TryGetProperty("action", out var a) && a.TryGetProperty("name", out var n) ? n.GetString() ?? "?" : "?";

    private static string BatchResources(JsonElement request)
    {
        if (!request.TryGetProperty("evaluations", out var items)) return "?";
        return string.Join(", ", items.EnumerateArray().Select(item => Entity(item, "resource")));
    }

    private static string Decisions(JsonElement expected) =>
        "[" + string.Join(", ", expected.EnumerateArray().Select(d => d.GetProperty("decision").GetRawText())) + "]";

    private static string Shorten(string id) => id.Length <= 24 ? id : $"{id[..8]}…{id[^9..]}";
}
