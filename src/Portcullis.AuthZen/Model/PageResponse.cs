using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>Paging output of a search response.</summary>
/// <remarks>AuthZEN 1.0 §8. <c>next_token</c> is empty on the last page.</remarks>
public sealed record PageResponse
{
    [JsonPropertyName("next_token")]
    public string NextToken { get; init; } = "";

    [JsonPropertyName("count")]
    public int? Count { get; init; }

    [JsonPropertyName("total")]
    public int? Total { get; init; }
}
