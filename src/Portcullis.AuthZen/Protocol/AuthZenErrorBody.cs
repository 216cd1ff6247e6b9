using System.Text.Json.Serialization;

namespace Portcullis.AuthZen.Protocol;

/// <summary>The body of an error response, and the <c>context</c> of a failed item in an evaluations response:
/// <c>{"error": {"status": 400, "message": "subject.id is required"}}</c>.</summary>
/// <remarks>AuthZEN 1.0 "Error Responses" asks for "an error message string", and every body must be a JSON object;
/// the evaluations "Errors" section shows this shape for
/// per-item errors, so one shape serves both and a PEP parses errors the same way everywhere.</remarks>
public sealed record AuthZenErrorBody
{
    /// <summary>Gets the error.</summary>
    [JsonPropertyName("error")]
    public required AuthZenError Error { get; init; }
}
