using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>Paging input of a search request.</summary>
/// <remarks>AuthZEN 1.0 §8.</remarks>
public sealed record PageRequest
{
    /// <summary>Gets the opaque token from the previous page's <c>next_token</c>, or null for the first page.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    /// <summary>Gets the most results to return on this page, or null for the server's default.</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; init; }
}
