namespace Portcullis.Gateway.Mapping;

/// <summary>Headers that carry credentials and so never reach mapping expressions, PDPs or decision records.</summary>
public static class SensitiveHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "dpop",
    };

    /// <summary>Returns true when <paramref name="name"/> carries credentials.</summary>
    public static bool IsSensitive(string name) => Names.Contains(name);
}
