using Portcullis.Cel.Json;
using Portcullis.Cel.Values;
using Portcullis.Pdp.Entities;

namespace Portcullis.Pdp.Tests.Entities;

public class EntityDirectoryLoaderTests
{
    [Fact]
    public void Load_JsonAndYamlFiles_FindsEntitiesByTypeAndId()
    {
        using var folder = new TempFolder();
        folder.Write("users.yaml", """
            subjects:
              - type: user
                id: alice
                roles: [manager]
                properties:
                  department: Sales
            """);
        folder.Write("records.json", """
            {"resources": [{"type": "record", "id": "101", "properties": {"owner": "alice", "pages": 3}}]}
            """);

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Empty(result.Diagnostics);
        var directory = Assert.IsType<EntityDirectory>(result.Directory);
        Assert.True(directory.TryGetSubject("user", "alice", out var alice));
        Assert.Equal(["manager"], alice.Roles);
        Assert.Equal("""{"department":"Sales"}""", CelJson.ToJsonString(CelValue.Map(alice.Properties)));
        Assert.True(directory.TryGetResource("record", "101", out var record));
        Assert.Null(record.Roles);
        Assert.Equal("""{"owner":"alice","pages":3}""", CelJson.ToJsonString(CelValue.Map(record.Properties)));
        Assert.False(directory.TryGetSubject("record", "101", out _));
        Assert.False(directory.TryGetResource("user", "alice", out _));
    }

    [Fact]
    public void Load_NumericIds_BecomeTheirDecimalText()
    {
        using var folder = new TempFolder();
        folder.Write("records.json", """{"resources": [{"type": "record", "id": 101}, {"type": "record", "id": "0102"}]}""");
        folder.Write("more.yaml", "resources:\n  - {type: record, id: 103}\n");

        var directory = EntityDirectoryLoader.Load(folder.Root).Directory!;

        Assert.Equal(["103", "101", "0102"], directory.Resources("record").Select(r => r.Id));
    }

    [Fact]
    public void Load_FilesInNestedFolders_KeepPathThenListedOrder()
    {
        using var folder = new TempFolder();
        folder.Write("b/people.yaml", "subjects:\n  - {type: user, id: zoe}\n  - {type: user, id: adam}\n");
        folder.Write("a.json", """{"subjects": [{"type": "user", "id": "mia"}, {"type": "group", "id": "ops"}]}""");
        folder.Write("notes.txt", "subjects: [oops");

        var directory = EntityDirectoryLoader.Load(folder.Root).Directory!;

        Assert.Equal(["mia", "zoe", "adam"], directory.Subjects("user").Select(s => s.Id));
        Assert.Equal(["ops"], directory.Subjects("group").Select(s => s.Id));
        Assert.Empty(directory.Subjects("robot"));
        Assert.Equal(4, directory.SubjectCount);
    }

    [Fact]
    public void Load_DuplicateEntity_ReportsTheSecondWithWhereTheFirstIs()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a.yaml", "subjects:\n  - type: user\n    id: alice\n");
        var second = folder.Write("b.json", "{\n  \"subjects\": [\n    {\"type\": \"user\", \"id\": \"alice\"}\n  ],\n  \"resources\": [{\"type\": \"user\", \"id\": \"alice\"}]\n}");

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Null(result.Directory);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((second, 3, 5), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Equal($"duplicate subject 'user:alice' (first defined at {first}:2:5)", diagnostic.Message);
    }

    [Fact]
    public void Load_MissingTypeOrId_ReportsTheEntityLine()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.yaml", "subjects:\n  - id: alice\n  - type: user\nresources:\n  - {}\n");

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Equal(
            [$"{file}:2:5: a subject needs a 'type'", $"{file}:3:5: a subject needs an 'id'",
             $"{file}:5:5: a resource needs a 'type'", $"{file}:5:5: a resource needs an 'id'"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_UnclosedFlowSequenceBeforeMoreKeys_ReportsInvalidYamlInsteadOfThrowing()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.yaml", "subjects:\n  x: [doc\n  version: default\n");

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Null(result.Directory);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((file, 3), (diagnostic.File, diagnostic.Line));
        Assert.Contains("'[' or '{'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongTypes_ReportsEachWithItsPosition()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.yaml", """
            subjects:
              - type: user
                id: 1.5
                roles: admin
              - type: [user]
                id: bob
                roles: [ok, 7]
                properties: [1, 2]
            resources:
              - type: record
                id: "9"
                roles: [owner]
            extra: true
            """);

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Null(result.Directory);
        Assert.Equal(
            [
                $"{file}:3:9: 'id' must be a non-empty string or an integer",
                $"{file}:4:12: 'roles' must be a list of strings",
                $"{file}:5:11: 'type' must be a non-empty string",
                $"{file}:7:17: each role must be a non-empty string",
                $"{file}:8:17: 'properties' must be a mapping (a JSON object)",
                $"{file}:12:5: unknown field 'roles' in a resource (expected type, id, properties)",
                $"{file}:13:1: unknown field 'extra' (expected 'subjects' or 'resources')",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_InvalidSyntax_ReportsTheParserPositionAndContinuesWithOtherFiles()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("a.json", "{\"subjects\": [\n  {\"type\": \"user\", \"id\": \"alice\"\n}");
        var notMapping = folder.Write("b.yaml", "- just\n- a list\n");

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(broken, result.Diagnostics[0].File);
        Assert.True(result.Diagnostics[0].Line >= 2, result.Diagnostics[0].ToString());
        Assert.Equal($"{notMapping}:1:1: expected a mapping with 'subjects' and/or 'resources' lists", result.Diagnostics[1].ToString());
    }

    [Fact]
    public void Load_DuplicateKeyInAnEntity_ReportsItsPosition()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.yaml", "subjects:\n  - {type: user, id: a}\n  - {type: user, id: a, id: b}\n");

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Equal($"{file}:3:25: Duplicate key id", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Load_MissingFolder_ReportsIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "portcullis-missing-" + Guid.NewGuid().ToString("N"));

        var result = EntityDirectoryLoader.Load(missing);

        Assert.Equal($"{missing}: the directory folder does not exist", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Load_YamlScalars_ReadAsJsonWouldWithNumbersAsDoubles()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", """
            resources:
              - type: record
                id: r1
                properties: {answer: yes, count: 42, ratio: 1.5, quoted: "42", empty: null, flag: true, big: 18446744073709551615, nested: {list: [a, 1]}}
            """);

        var record = EntityDirectoryLoader.Load(folder.Root).Directory!.Resources("record")[0];

        Assert.Equal(
            """{"answer":"yes","count":42,"ratio":1.5,"quoted":"42","empty":null,"flag":true,"big":1.8446744073709552E+19,"nested":{"list":["a",1]}}""",
            CelJson.ToJsonString(CelValue.Map(record.Properties)));
        Assert.True(record.Properties.TryGetValue("count", out var count));
        Assert.Equal(CelValueKind.Double, count.Kind); // as Cerbos reads attribute numbers
    }

    [Fact]
    public void Load_AliasExpansionBomb_ReportsInsteadOfExpanding()
    {
        using var folder = new TempFolder();
        var lines = new List<string> { "resources:", "  - type: record", "    id: r1", "    properties:", "      a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 8; i++) lines.Add($"      a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        folder.Write("bomb.yaml", string.Join('\n', lines));

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Null(result.Directory);
        Assert.Contains("more than 1000000 values", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFilesAndEmptyLists_GiveAnEmptyDirectory()
    {
        using var folder = new TempFolder();
        folder.Write("empty.yaml", "");
        folder.Write("comments.yml", "# nothing yet\n");
        folder.Write("lists.json", """{"subjects": [], "resources": null}""");

        var result = EntityDirectoryLoader.Load(folder.Root);

        Assert.Empty(result.Diagnostics);
        Assert.Equal((0, 0), (result.Directory!.SubjectCount, result.Directory.ResourceCount));
    }
}
