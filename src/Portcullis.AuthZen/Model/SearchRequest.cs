using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>A Subject, Resource or Action Search request: the searched entity has only its type (or is absent, for actions).</summary>
/// <remarks>AuthZEN 1.0 §8.4–8.6.</remarks>
public sealed record SearchRequest
{
    [JsonPropertyName("subject")]
    public Subject? Subject { get; init; }

    [JsonPropertyName("action")]
    public AccessAction? Action { get; init; }

    [JsonPropertyName("resource")]
    public Resource? Resource { get; init; }

    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }

    [JsonPropertyName("page")]
    public PageRequest? Page { get; init; }

    [JsonPropertyName("options")]
    public EvaluationOptions? Options { get; init; }
}
