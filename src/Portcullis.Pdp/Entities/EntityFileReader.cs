using System.Globalization;
using Portcullis.Cel.Values;
using Portcullis.Pdp.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Pdp.Entities;

/// <summary>Reads one directory file (the format is described on <see cref="EntityDirectoryLoader"/>).</summary>
internal static class EntityFileReader
{
    /// <summary>Appends the entities of <paramref name="text"/> to <paramref name="entities"/> and its problems to
    /// <paramref name="diagnostics"/>. Never throws for bad content.</summary>
    public static void Read(string file, string text, List<EntityRecord> entities, List<SourceDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new SourceDiagnostic(file, (int)e.Start.Line, (int)e.Start.Column, Describe(e)));
            return;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unclosed flow collections.
            var at = scanner.CurrentPosition;
            diagnostics.Add(new SourceDiagnostic(file, (int)at.Line, (int)at.Column, YamlScanFailure.Message));
            return;
        }
        var reader = new YamlValueReader(file, diagnostics);
        foreach (var document in stream.Documents)
        {
            ReadDocument(document.RootNode, reader, file, entities);
        }
    }

    private static void ReadDocument(YamlNode root, YamlValueReader reader, string file, List<EntityRecord> entities)
    {
        if (root is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" }) return;
        if (root is not YamlMappingNode mapping)
        {
            reader.Report(root, "expected a mapping with 'subjects' and/or 'resources' lists");
            return;
        }
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is not ("subjects" or "resources"))
            {
                reader.Report(key, $"unknown field '{name}' (expected 'subjects' or 'resources')");
                continue;
            }
            if (value is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "null" or "~" }) continue;
            if (value is not YamlSequenceNode list)
            {
                reader.Report(value, $"'{name}' must be a list");
                continue;
            }
            foreach (var item in list.Children)
            {
                if (ReadEntity(item, name == "subjects", reader) is { } entity)
                {
                    entities.Add(new EntityRecord(entity, name == "subjects", file, (int)item.Start.Line, (int)item.Start.Column));
                }
            }
        }
    }

    private static DirectoryEntity? ReadEntity(YamlNode node, bool isSubject, YamlValueReader reader)
    {
        var what = isSubject ? "a subject" : "a resource";
        if (node is not YamlMappingNode mapping)
        {
            reader.Report(node, $"{what} must be a mapping with 'type' and 'id'");
            return null;
        }
        string? type = null, id = null;
        IReadOnlyList<string>? roles = null;
        var properties = CelMap.Empty;
        bool ok = true, sawType = false, sawId = false;
        foreach (var (key, value) in mapping.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "type":
                    sawType = true;
                    type = ReadType(value, reader);
                    ok &= type is not null;
                    break;
                case "id":
                    sawId = true;
                    id = ReadId(value, reader);
                    ok &= id is not null;
                    break;
                case "roles" when isSubject:
                    roles = ReadRoles(value, reader);
                    ok &= roles is not null;
                    break;
                case "properties":
                    var map = reader.ReadMap(value, "'properties'");
                    ok &= map is not null;
                    properties = map ?? properties;
                    break;
                case var other:
                    var expected = isSubject ? "type, id, roles, properties" : "type, id, properties";
                    reader.Report(key, $"unknown field '{other}' in {what} (expected {expected})");
                    ok = false;
                    break;
            }
        }
        if (!sawType) { reader.Report(node, $"{what} needs a 'type'"); ok = false; }
        if (!sawId) { reader.Report(node, $"{what} needs an 'id'"); ok = false; }
        return ok && type is not null && id is not null ? new DirectoryEntity(type, id, roles, properties) : null;
    }

    private static string? ReadType(YamlNode node, YamlValueReader reader)
    {
        if (node is YamlScalarNode scalar && YamlScalars.ToCel(scalar) is { Kind: CelValueKind.String } value && value.AsString.Length > 0)
        {
            return value.AsString;
        }
        reader.Report(node, "'type' must be a non-empty string");
        return null;
    }

    private static string? ReadId(YamlNode node, YamlValueReader reader)
    {
        if (node is YamlScalarNode scalar)
        {
            var value = YamlScalars.ToCel(scalar);
            switch (value.Kind)
            {
                case CelValueKind.String when value.AsString.Length > 0: return value.AsString;
                // Numbers read as doubles; an integral id keeps its exact decimal text.
                case CelValueKind.Double when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                    return l.ToString(CultureInfo.InvariantCulture);
                case CelValueKind.Double when ulong.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var u):
                    return u.ToString(CultureInfo.InvariantCulture);
            }
        }
        reader.Report(node, "'id' must be a non-empty string or an integer");
        return null;
    }

    private static List<string>? ReadRoles(YamlNode node, YamlValueReader reader)
    {
        if (node is not YamlSequenceNode sequence)
        {
            reader.Report(node, "'roles' must be a list of strings");
            return null;
        }
        var roles = new List<string>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode scalar && YamlScalars.ToCel(scalar) is { Kind: CelValueKind.String } role && role.AsString.Length > 0)
            {
                roles.Add(role.AsString);
                continue;
            }
            reader.Report(item, "each role must be a non-empty string");
            return null;
        }
        return roles;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes positions to its messages; ours carry them separately.
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }
}
