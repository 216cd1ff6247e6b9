using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>The decisions of an Access Evaluations request, in request order (truncated after a short circuit).</summary>
/// <remarks>AuthZEN 1.0 §7.2.</remarks>
public sealed record EvaluationsResponse
{
    [JsonPropertyName("evaluations")]
    public IReadOnlyList<EvaluationResponse> Evaluations { get; init; } = [];
}
