using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>An Access Evaluations (batch) request: top-level defaults plus a list of items.</summary>
/// <remarks>AuthZEN 1.0 §7.1. Without <c>evaluations</c> it behaves as a single evaluation.</remarks>
public sealed record EvaluationsRequest
{
    [JsonPropertyName("subject")]
    public Subject? Subject { get; init; }

    [JsonPropertyName("action")]
    public AccessAction? Action { get; init; }

    [JsonPropertyName("resource")]
    public Resource? Resource { get; init; }

    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }

    [JsonPropertyName("evaluations")]
    public IReadOnlyList<EvaluationItem>? Evaluations { get; init; }

    [JsonPropertyName("options")]
    public EvaluationOptions? Options { get; init; }
}
