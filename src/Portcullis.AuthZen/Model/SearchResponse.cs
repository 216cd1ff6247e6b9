using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>The results of a search: subjects, resources (<c>type</c> and <c>id</c> only) or actions (<c>name</c> only).</summary>
/// <remarks>AuthZEN 1.0 §8.</remarks>
public sealed record SearchResponse<T>
{
    [JsonPropertyName("results")]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<T> Results { get; init; } = [];

    [JsonPropertyName("page")]
    [JsonPropertyOrder(0)]
    public PageResponse? Page { get; init; }

    [JsonPropertyName("context")]
    [JsonPropertyOrder(2)]
    public JsonElement? Context { get; init; }
}
