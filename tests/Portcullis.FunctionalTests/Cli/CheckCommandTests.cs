using Portcullis.FunctionalTests.Interop;

namespace Portcullis.FunctionalTests.Cli;

/// <summary><c>portcullis check</c>, run as a user runs it.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Check_TodoSample_PrintsOkAndExitsZero()
    {
        var policies = InteropPaths.Policies("todo");
        var directory = InteropPaths.Directory("todo");

        var result = await PortcullisCli.RunAsync(["check", "--policies", policies, "--directory", directory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"ok: 3 policies in {policies}; directory: 10 subjects, 5 resources", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Check_ManyBrokenFiles_ListsEveryProblemWithFileLineAndColumn()
    {
        var badYaml = _folder.Write("policies/a_bad_yaml.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: [doc
              version: default
            """);
        var unknownKey = _folder.Write("policies/b_unknown_key.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: note
              version: default
              rulez: []
            """);
        var rules = _folder.Write("policies/c_rules.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: photo
              version: default
              rules:
                - actions: [view]
                  effect: EFFECT_ALLOW
                  roles: [user]
                  condition:
                    match:
                      expr: R.attr.owner ==
                - actions: [edit]
                  effect: ALLOW
                  roles: [user]
            """);
        var users = _folder.Write("directory/users.yaml", """
            subjects:
              - type: user
                id: alice
                roles: [user]
              - type: user
                roles: [user]
            """);

        var result = await PortcullisCli.RunAsync(["check", "--policies", _folder.Folder("policies"), "--directory", _folder.Folder("directory")]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Collection(
            result.ErrorLines,
            line => Assert.StartsWith($"{badYaml}:4:3: invalid YAML", line, StringComparison.Ordinal),
            line => Assert.StartsWith($"{unknownKey}:5:3: unknown field 'rulez'", line, StringComparison.Ordinal),
            line => Assert.StartsWith($"{rules}:11:32: invalid expression", line, StringComparison.Ordinal),
            line => Assert.Equal($"{rules}:13:15: effect must be EFFECT_ALLOW or EFFECT_DENY, not 'ALLOW'", line),
            line => Assert.Equal($"{users}:5:5: a subject needs an 'id'", line),
            line => Assert.Equal("5 problems found", line));
    }

    [Fact]
    public async Task Check_MissingPolicyFolder_SaysSoAndExitsOne()
    {
        var missing = Path.Combine(_folder.Root, "nope");

        var result = await PortcullisCli.RunAsync(["check", "--policies", missing]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"{missing}: the policy folder does not exist", "1 problem found"], result.ErrorLines);
    }
}
