using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Protocol;

/// <summary>An error: an HTTP status code and a message naming the offending field.</summary>
/// <remarks>The shape follows the per-item error example of AuthZEN 1.0, "Access Evaluations API Response", "Errors"
/// (<c>{"status": 404, "message": "Resource not found"}</c>); Portcullis uses it for whole-request errors too.</remarks>
public sealed record AuthZenError
{
    /// <summary>Gets the HTTP status code that describes the error, e.g. 400.</summary>
    [JsonPropertyName("status")]
    public int Status { get; init; }

    /// <summary>Gets a message for the caller; it never carries secrets.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";
}
