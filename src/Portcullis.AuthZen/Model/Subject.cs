using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>The user or machine principal of an AuthZEN request.</summary>
/// <remarks>AuthZEN 1.0 §5.1. <c>Id</c> is absent in a subject search request.</remarks>
public sealed record Subject
{
    /// <summary>Gets the subject's type, e.g. <c>user</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the subject's identifier, unique within its type.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets additional attributes (a JSON object), or null.</summary>
    [JsonPropertyName("properties")]
    public JsonElement? Properties { get; init; }
}
