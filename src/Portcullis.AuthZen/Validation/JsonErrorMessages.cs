using System.Text.Json;

namespace Portcullis.AuthZen.Validation;

/// <summary>Turns a deserialization failure into a message naming the field and the type it must have.</summary>
internal static class JsonErrorMessages
{
    public static string Describe(JsonException exception)
    {
        // The serializer wraps the reader's own exception for malformed text; a mistyped value has no such inner exception.
        if (exception.InnerException is JsonException || exception.Path is null)
        {
            return exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                ? $"request body is not valid JSON (line {line + 1}, position {position + 1})"
                : "request body is not valid JSON";
        }

        var path = exception.Path;
        if (path == "$")
        {
            return "request body must be a JSON object";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (exception.Message.StartsWith("Duplicate", StringComparison.Ordinal))
        {
            return $"{field} appears more than once";
        }

        return $"{field} must be {ExpectedType(field)}";
    }

    private static string ExpectedType(string field)
    {
        if (field.EndsWith(']'))
        {
            return "an object";
        }

        var dot = field.LastIndexOf('.');
        var name = dot < 0 ? field : field[(dot + 1)..];
        return name switch
        {
            "subject" or "resource" or "action" or "options" or "page" or "context" or "properties" => "an object",
            "type" or "id" or "name" or "token" or "evaluations_semantic" => "a string",
            "evaluations" => "an array",
            "reasons" => "a boolean",
            "limit" => "a non-negative integer",
            _ => "a valid value",
        };
    }
}
