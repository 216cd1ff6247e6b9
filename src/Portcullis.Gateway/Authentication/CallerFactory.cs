using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portcullis.Gateway.Authentication;

/// <summary>Builds a <see cref="Caller"/> from a token the handler has already validated.</summary>
internal static class CallerFactory
{
    /// <summary>Reads the caller's claims; returns null when the payload lacks a subject.</summary>
    public static Caller? Create(JsonWebToken token)
    {
        JsonElement claims;
        using (var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload)))
            claims = document.RootElement.Clone();
        if (claims.ValueKind != JsonValueKind.Object || String(claims, "sub") is not { Length: > 0 } subject)
            return null;

        return new Caller
        {
            Subject = subject,
            Issuer = token.Issuer,
            ClientId = String(claims, "client_id") ?? String(claims, "azp"),
            Scopes = Scopes(claims),
            Acr = String(claims, "acr"),
            Amr = Strings(claims, "amr"),
            Claims = claims,
            ExpiresAt = new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc)),
        };
    }

    private static string? String(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Scopes(JsonElement claims)
    {
        if (String(claims, "scope") is { } scope)
            return scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (String(claims, "scp") is { } scp)
            return scp.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Strings(claims, "scp");
    }

    private static IReadOnlyList<string> Strings(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
            return [];
        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
                list.Add(item.GetString()!);
        }

        return list;
    }
}
