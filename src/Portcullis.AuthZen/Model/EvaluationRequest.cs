using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>An Access Evaluation request: may <c>Subject</c> perform <c>Action</c> on <c>Resource</c>?</summary>
/// <remarks>AuthZEN 1.0 §6.1.</remarks>
public sealed record EvaluationRequest
{
    [JsonPropertyName("subject")]
    public Subject? Subject { get; init; }

    [JsonPropertyName("action")]
    public AccessAction? Action { get; init; }

    [JsonPropertyName("resource")]
    public Resource? Resource { get; init; }

    /// <summary>Gets environmental attributes (a JSON object), or null.</summary>
    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }

    /// <summary>Gets Portcullis's request options (ignored by other PDPs), or null.</summary>
    [JsonPropertyName("options")]
    public EvaluationOptions? Options { get; init; }
}
