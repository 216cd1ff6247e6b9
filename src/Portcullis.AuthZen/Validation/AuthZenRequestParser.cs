using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Portcullis.AuthZen.Validation;

/// <summary>Reads AuthZEN request bodies; every problem becomes a message naming the field, never an exception.</summary>
public static class AuthZenRequestParser
{
    /// <summary>Deserializes a UTF-8 JSON request body whose top level must be an object.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <param name="typeInfo">The request type's metadata, from <see cref="AuthZenJsonContext"/>.</param>
    /// <param name="value">The request, when the body is valid JSON of the right shape.</param>
    /// <param name="error">Otherwise, a message such as <c>subject.id must be a string</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> was read.</returns>
    public static bool TryParse<T>(
        ReadOnlySpan<byte> utf8Json,
        JsonTypeInfo<T> typeInfo,
        [NotNullWhen(true)] out T? value,
        [NotNullWhen(false)] out string? error)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        value = null;
        if (IsBlank(utf8Json))
        {
            error = "request body is empty";
            return false;
        }

        // The JSON reader defers checking the bytes inside strings until they are read, which for properties and
        // context happens later, in the PDP; check the whole body once here so bad text is a 400, never a failure there.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            error = "request body is not valid UTF-8";
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException exception)
        {
            error = JsonErrorMessages.Describe(exception);
            return false;
        }
        catch (InvalidOperationException)
        {
            // Thrown by the reader for text it cannot decode (e.g. an unpaired surrogate escape).
            error = "request body is not valid JSON";
            return false;
        }

        if (value is null)
        {
            error = "request body must be a JSON object";
            return false;
        }

        error = null;
        return true;
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8Json)
    {
        foreach (var b in utf8Json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
