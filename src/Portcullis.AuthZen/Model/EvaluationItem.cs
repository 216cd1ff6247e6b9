using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>One item of an Access Evaluations request; absent members default to the request's top-level ones.</summary>
/// <remarks>AuthZEN 1.0 §7.1.</remarks>
public sealed record EvaluationItem
{
    [JsonPropertyName("subject")]
    public Subject? Subject { get; init; }

    [JsonPropertyName("action")]
    public AccessAction? Action { get; init; }

    [JsonPropertyName("resource")]
    public Resource? Resource { get; init; }

    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }
}
