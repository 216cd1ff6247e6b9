using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Configuration;

/// <summary>Reads a route's <c>cors:</c> block: origins must be exact http(s) origins (or <c>*</c> alone, never with
/// credentials), methods known HTTP methods, headers header names.</summary>
internal static class CorsConfigReader
{
    /// <summary>The longest preflight cache a route may grant, in seconds (a day).</summary>
    public const int MaxAgeLimitSeconds = 86_400;

    private static readonly string[] Keys =
        ["allowed_origins", "allowed_methods", "allowed_headers", "exposed_headers", "allow_credentials", "max_age_seconds"];

    public static CorsConfig? Read(YamlReader reader, YamlNode node, string path)
    {
        if (reader.Mapping(node, path) is not { } map) return null;
        reader.UnknownKeys(map, path, Keys);
        var origins = Origins(reader, map, path + ".allowed_origins");
        var methods = RouteConfigReader.Methods(reader, map, "allowed_methods", path + ".allowed_methods", allowAny: true);
        var headers = HeaderNames(reader, map, "allowed_headers", path + ".allowed_headers", allowAny: true);
        var exposed = HeaderNames(reader, map, "exposed_headers", path + ".exposed_headers", allowAny: false);
        var credentials = reader.OptionalBool(map, "allow_credentials", path + ".allow_credentials") ?? false;
        var maxAge = reader.OptionalInt(map, "max_age_seconds", path + ".max_age_seconds", 0, MaxAgeLimitSeconds);
        if (origins is null) return null;
        if (credentials && origins.Contains("*")) reader.Problem(map, path + ".allow_credentials", "cannot be true when allowed_origins is '*' (browsers refuse it; list the origins)");

        var config = new CorsConfig { AllowedOrigins = origins, AllowedMethods = methods, AllowCredentials = credentials };
        if (headers is not null) config = config with { AllowedHeaders = headers };
        if (exposed is not null) config = config with { ExposedHeaders = exposed };
        if (maxAge is { } seconds) config = config with { MaxAge = TimeSpan.FromSeconds(seconds) };
        return config;
    }

    private static List<string>? Origins(YamlReader reader, YamlMappingNode map, string path)
    {
        if (reader.Child(map, "allowed_origins") is not { } node)
        {
            reader.Problem(map, path, "is required");
            return null;
        }
        if (reader.StringList(map, "allowed_origins", path) is not { } list) return null;
        if (list.Count == 0)
        {
            reader.Problem(node, path, "must name at least one origin");
            return null;
        }
        var origins = new List<string>(list.Count);
        foreach (var text in list)
        {
            if (text == "*")
            {
                if (list.Count > 1) reader.Problem(node, path, "'*' must be the only origin when used");
                origins.Add(text);
            }
            else if (Normalize(text) is { } origin) origins.Add(origin);
            else reader.Problem(node, path, $"'{text}' is not an origin: write scheme://host[:port] with http or https and no path");
        }
        return origins;
    }

    /// <summary>Returns the origin as browsers send it (lower-case, default port left out), or null when
    /// <paramref name="text"/> is not an absolute http(s) origin without path, query or user info.</summary>
    private static string? Normalize(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) return null;
        var afterScheme = text.IndexOf("://", StringComparison.Ordinal);
        if (afterScheme < 0 || text.AsSpan(afterScheme + 3).IndexOfAny("/?#@\\") >= 0) return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    private static IReadOnlyList<string>? HeaderNames(YamlReader reader, YamlMappingNode map, string key, string path, bool allowAny)
    {
        if (reader.StringList(map, key, path) is not { } names) return null;
        foreach (var name in names)
        {
            if (!HttpTokens.IsToken(name) || (name.Contains('*', StringComparison.Ordinal) && !(allowAny && name == "*")))
                reader.Problem(reader.Child(map, key)!, path, $"'{name}' is not a header name");
        }
        return names;
    }
}
