using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Model;

/// <summary>The operation the subject wants to perform on the resource.</summary>
/// <remarks>AuthZEN 1.0 §5.3. <c>Name</c> is absent in an action search request.</remarks>
public sealed record AccessAction
{
    /// <summary>Gets the action's name, e.g. <c>can_read</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets additional attributes (a JSON object), or null.</summary>
    [JsonPropertyName("properties")]
    public JsonElement? Properties { get; init; }
}
