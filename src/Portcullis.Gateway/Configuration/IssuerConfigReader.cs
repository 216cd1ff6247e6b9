using System.Globalization;
using Portcullis.Gateway.Authentication;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Configuration;

/// <summary>Reads one entry of <c>issuers:</c>.</summary>
internal static class IssuerConfigReader
{
    private static readonly string[] Keys =
        ["issuer", "discovery", "jwks_uri", "audiences", "algorithms", "required_type", "clock_skew_seconds", "refresh_interval_seconds", "require_https_metadata"];

    public static JwtIssuerConfig? Read(YamlReader reader, YamlNode node, string path)
    {
        if (reader.Mapping(node, path) is not { } map) return null;
        reader.UnknownKeys(map, path, Keys);
        var issuer = reader.RequiredString(map, "issuer", path + ".issuer");
        var audiences = reader.StringList(map, "audiences", path + ".audiences");
        if (issuer is null || audiences is null)
        {
            if (audiences is null && reader.Child(map, "audiences") is null) reader.Problem(map, path + ".audiences", "is required");
            return null;
        }
        var config = new JwtIssuerConfig
        {
            Issuer = issuer,
            Audiences = audiences,
            Discovery = reader.OptionalUri(map, "discovery", path + ".discovery"),
            JwksUri = reader.OptionalUri(map, "jwks_uri", path + ".jwks_uri"),
            AllowedAlgorithms = reader.StringList(map, "algorithms", path + ".algorithms") ?? JwtIssuerConfig.DefaultAlgorithms,
            RequiredType = reader.OptionalString(map, "required_type", path + ".required_type"),
            RequireHttpsMetadata = reader.OptionalBool(map, "require_https_metadata", path + ".require_https_metadata") ?? true,
        };
        if (Seconds(reader, map, "clock_skew_seconds", path) is { } skew) config = config with { ClockSkew = skew };
        if (Seconds(reader, map, "refresh_interval_seconds", path) is { } refresh) config = config with { RefreshInterval = refresh };
        foreach (var problem in JwtIssuerConfigValidator.Validate(config)) reader.Problem(map, path, problem);
        return config;
    }

    private static TimeSpan? Seconds(YamlReader reader, YamlMappingNode map, string key, string path)
    {
        if (reader.OptionalString(map, key, $"{path}.{key}") is not { } text) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        reader.Problem(map, $"{path}.{key}", "must be a whole number of seconds");
        return null;
    }
}
