using Portcullis.Cel.Json;
using Portcullis.Cel.Values;
using Portcullis.Pdp.Engine;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Pdp.Tests.Policies;

/// <summary>One check of a case file: the input and the expected decision.</summary>
public sealed class DecisionCase
{
    public required string File { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<(string Path, string Text)> Policies { get; init; }
    public required CheckInput Input { get; init; }
    public required bool Allowed { get; init; }
    public string? Rule { get; init; }
    public bool ExpectsPolicy { get; init; }
    public string? Policy { get; init; }
    public int? Errors { get; init; }

    public override string ToString() => $"{File}: {Name}";

    /// <summary>Reads every case file in the Cases folder next to the test assembly. A file gives its policies inline
    /// (<c>policies: {name: text}</c>) or names a repository folder (<c>policy_folder: samples/demo/policies</c>).</summary>
    public static IEnumerable<DecisionCase> LoadAll()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Policies", "Cases");
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(System.IO.File.ReadAllText(file)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var policies = root.Children.TryGetValue("policy_folder", out var folderNode)
                ? ReadFolder(((YamlScalarNode)folderNode).Value!)
                : ((YamlMappingNode)root["policies"]).Children
                    .Select(p => (((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!)).ToList();
            foreach (YamlMappingNode check in ((YamlSequenceNode)root["checks"]).Children)
            {
                string? Get(string key) => check.Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value : null;
                var roles = ((YamlSequenceNode)check["roles"]).Children.Select(r => ((YamlScalarNode)r).Value!).ToList();
                var principal = new Principal(Get("id") ?? "alice", roles, Map(Get("pattr")));
                var resource = new PolicyResource(Get("kind") ?? KindOf(policies), Get("rid") ?? "r1", Map(Get("attr")));
                yield return new DecisionCase
                {
                    File = Path.GetFileName(file),
                    Name = Get("name")!,
                    Policies = policies,
                    Input = new CheckInput(principal, resource, Get("action")!, Map(Get("context"))),
                    Allowed = Get("allowed") == "true",
                    Rule = Get("rule"),
                    ExpectsPolicy = check.Children.ContainsKey("policy"),
                    Policy = Get("policy") is "null" or null ? null : Get("policy"),
                    Errors = Get("errors") is { } e ? int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) : null,
                };
            }
        }
    }

    /// <summary>Reads the policy files of a folder of the repository (<c>policy_folder: samples/demo/policies</c>), so a
    /// case file can check the policies a sample ships instead of a copy of them.</summary>
    private static List<(string, string)> ReadFolder(string relative) =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, relative), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), System.IO.File.ReadAllText(f)))];

    private static string KindOf(List<(string, string Text)> policies)
    {
        foreach (var (_, text) in policies)
        {
            var line = text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("resource:", StringComparison.Ordinal));
            if (line is not null) return line.Split(':', 2)[1].Trim();
        }
        return "none";
    }

    private static CelMap Map(string? json) => json is null ? CelMap.Empty : CelJson.Parse(json).AsMap;
}
