using System.Text.Json;
using Portcullis.Pdp.Engine;

namespace Portcullis.Pdp.Service;

/// <summary>Builds the decision context sent when a caller asks for reasons:
/// <c>{"reason": {"policy": "...", "rule": "..."}, "errors": ["..."]}</c>. <c>policy</c> and <c>rule</c> are left out
/// for the default deny; <c>errors</c> is always present (conditions that failed, or why the request could not be mapped).</summary>
internal static class ReasonsContext
{
    public static JsonElement For(PolicyDecision decision) => Build(decision.Policy, decision.Rule, decision.Errors);

    public static JsonElement ForMappingError(string error) => Build(null, null, [error]);

    private static JsonElement Build(string? policy, string? rule, IReadOnlyList<string> errors)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("reason");
            if (policy is not null) writer.WriteString("policy", policy);
            if (rule is not null) writer.WriteString("rule", rule);
            writer.WriteEndObject();
            writer.WriteStartArray("errors");
            foreach (var error in errors) writer.WriteStringValue(error);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
