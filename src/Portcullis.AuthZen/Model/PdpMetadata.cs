using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>The PDP metadata document served at <c>/.well-known/authzen-configuration</c>.</summary>
/// <remarks>AuthZEN 1.0 §9.</remarks>
public sealed record PdpMetadata
{
    [JsonPropertyName("policy_decision_point")]
    public required string PolicyDecisionPoint { get; init; }

    [JsonPropertyName("access_evaluation_endpoint")]
    public string? AccessEvaluationEndpoint { get; init; }

    [JsonPropertyName("access_evaluations_endpoint")]
    public string? AccessEvaluationsEndpoint { get; init; }

    [JsonPropertyName("search_subject_endpoint")]
    public string? SearchSubjectEndpoint { get; init; }

    [JsonPropertyName("search_resource_endpoint")]
    public string? SearchResourceEndpoint { get; init; }

    [JsonPropertyName("search_action_endpoint")]
    public string? SearchActionEndpoint { get; init; }
}
