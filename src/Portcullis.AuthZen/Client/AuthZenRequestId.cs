namespace Portcullis.AuthZen.Client;

/// <summary>The ambient request id an <see cref="AuthZenHttpClient"/> sends as <c>X-Request-ID</c>: set it where the
/// incoming request is handled and every PDP call made in that async flow carries it.</summary>
public static class AuthZenRequestId
{
    /// <summary>The header name.</summary>
    public const string HeaderName = "X-Request-ID";

    private const int MaxLength = 200;
    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>Gets or sets the request id of the current async flow, or null to send none.</summary>
    public static string? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>Returns whether <paramref name="value"/> may be sent as a header: 1–200 visible ASCII characters.</summary>
    /// <remarks>Anything else is dropped rather than sent, so a client-supplied id cannot inject headers.</remarks>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength) return false;
        foreach (var c in value)
        {
            if (c is < '!' or > '~') return false;
        }
        return true;
    }
}
