using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>Options of an evaluation or evaluations request.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Gets the batch semantics: <c>execute_all</c> (default), <c>deny_on_first_deny</c> or <c>permit_on_first_permit</c>.</summary>
    /// <remarks>AuthZEN 1.0 §7.1.2.</remarks>
    [JsonPropertyName("evaluations_semantic")]
    public string? EvaluationsSemantic { get; init; }

    /// <summary>Gets a value indicating whether decisions should carry reasons in their context (which policy
    /// and rule decided). A Portcullis extension; off by default because interop harnesses compare decisions exactly.</summary>
    [JsonPropertyName("reasons")]
    public bool? Reasons { get; init; }
}
