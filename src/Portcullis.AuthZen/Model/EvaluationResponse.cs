using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>A decision, with an optional context (reasons, errors).</summary>
/// <remarks>AuthZEN 1.0 §6.2. A deny is <c>{"decision": false}</c>.</remarks>
public sealed record EvaluationResponse
{
    /// <summary>Gets a shared permit without context.</summary>
    public static EvaluationResponse Permit { get; } = new() { Decision = true };

    /// <summary>Gets a shared deny without context.</summary>
    public static EvaluationResponse Deny { get; } = new() { Decision = false };

    [JsonPropertyName("decision")]
    public bool Decision { get; init; }

    /// <summary>Gets the decision's context (a JSON object), or null.</summary>
    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }
}
