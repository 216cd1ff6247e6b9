using System.Text.Json;

namespace Portcullis.Conformance;

/// <summary>Decides which conformance cases are in scope. Portcullis evaluates CEL over JSON-shaped data, so
/// everything that needs protobuf messages (test messages, wrappers, enums, dynamic messages, proto containers)
/// is out of scope. The rules are computed from each case, not listed by name.</summary>
internal static class ConformanceScope
{
    private static readonly HashSet<string> ExcludedSuites = new(StringComparer.Ordinal)
    {
        "proto2", "proto2_ext", "proto3", "enums", "wrappers", "dynamic",
    };

    private static readonly string[] SupportedObjectTypes =
    [
        "type.googleapis.com/google.protobuf.Timestamp",
        "type.googleapis.com/google.protobuf.Duration",
    ];

    /// <summary>Returns why <paramref name="c"/> is out of scope, or null when it is in scope.</summary>
    public static string? ExclusionReason(ConformanceCase c)
    {
        if (ExcludedSuites.Contains(c.Suite)) return $"suite {c.Suite} needs protobuf messages";
        var expected = c.ExpectedValue?.GetRawText() ?? "";
        var bindings = c.Bindings?.GetRawText() ?? "";
        string[] texts = [c.Expr, bindings, expected, c.RawText("typeEnv")];
        if (texts.Any(t => t.Contains("TestAllTypes", StringComparison.Ordinal))) return "uses TestAllTypes messages";
        if (c.Expr.Contains("google.protobuf.", StringComparison.Ordinal)) return "names google.protobuf types";
        if (HasUnsupportedObject(c.ExpectedValue) || HasUnsupportedObject(c.Bindings)) return "uses protobuf message values";
        var container = c.Container;
        if (container.StartsWith("cel.expr.conformance", StringComparison.Ordinal) ||
            container.StartsWith("google.expr", StringComparison.Ordinal) ||
            container.StartsWith("google.protobuf", StringComparison.Ordinal))
        {
            return $"container {container} is a protobuf package";
        }
        return null;
    }

    private static bool HasUnsupportedObject(JsonElement? element)
    {
        if (element is not { } e) return false;
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.NameEquals("objectValue"))
                    {
                        var type = p.Value.TryGetProperty("@type", out var t) ? t.GetString() : null;
                        if (!SupportedObjectTypes.Contains(type)) return true;
                    }
                    else if (HasUnsupportedObject(p.Value))
                    {
                        return true;
                    }
                }
                return false;
            case JsonValueKind.Array:
                return e.EnumerateArray().Any(x => HasUnsupportedObject(x));
            default:
                return false;
        }
    }
}
