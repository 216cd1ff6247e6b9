using System.Text.Json;
using System.Text.Json.Nodes;
using Portcullis.Gateway.Mapping;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Gateway.Demo;

/// <summary>Reads the demo users file (<c>samples/demo/users.yaml</c>): a mapping from user name to the claims the
/// development issuer signs for that user.</summary>
public static class DemoUsers
{
    /// <summary>Parses <paramref name="yaml"/>; every user needs a string <c>sub</c>.</summary>
    /// <exception cref="FormatException">The text is not such a mapping; the message says where.</exception>
    public static IReadOnlyDictionary<string, JsonObject> Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new FormatException($"users: invalid YAML at {e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
        if (stream.Documents.Count == 0) throw new FormatException("users: the file is empty");
        var json = YamlJsonConverter.Convert(stream.Documents[0].RootNode, [], out var error)
            ?? throw new FormatException($"users: {error}");
        if (json.ValueKind != JsonValueKind.Object) throw new FormatException("users: must be a mapping of user name to claims");

        var users = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var user in json.EnumerateObject())
        {
            if (JsonNode.Parse(user.Value.GetRawText()) is not JsonObject claims)
                throw new FormatException($"users.{user.Name}: must be a mapping of claims");
            if (claims["sub"] is not JsonValue sub || sub.GetValueKind() != JsonValueKind.String)
                throw new FormatException($"users.{user.Name}: needs a string 'sub' claim");
            users[user.Name] = claims;
        }
        return users;
    }
}
