namespace Portcullis.Tests.Commands;

/// <summary>Runs the real <c>portcullis</c> executable, as the README's first command does.</summary>
public sealed class CelCommandTests
{
    private static Task<CliResult> Run(params string[] args) => PortcullisCli.RunAsync(args);

    [Fact]
    public async Task Cel_TenantAdminCondition_PrintsTrue()
    {
        var (code, stdout, _) = await Run("cel", "'admin' in user.roles && user.tenant == 'acme'", "--vars", """{"user":{"roles":["admin"],"tenant":"acme"}}""");

        Assert.Equal(0, code);
        Assert.Equal("true", stdout);
    }

    [Fact]
    public async Task Cel_Values_PrintAsJson()
    {
        var (code, stdout, _) = await Run("cel", "{'t': timestamp('2024-01-02T03:04:05.5Z'), 'd': duration('1500ms'), 'b': b'hi', 'n': 1 + 2, 'u': 3u, 'x': 0.25, 'l': [null, true]}");

        Assert.Equal(0, code);
        Assert.Equal("""{"t":"2024-01-02T03:04:05.5Z","d":"1.5s","b":"aGk=","n":3,"u":3,"x":0.25,"l":[null,true]}""", stdout);
    }

    [Fact]
    public async Task Cel_SyntaxError_PrintsLineAndColumnAndExitsOne()
    {
        var (code, stdout, stderr) = await Run("cel", "1 +\n  (2 * ]");

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: 2:8:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cel_RuntimeError_PrintsPositionAndExitsOne()
    {
        var (code, _, stderr) = await Run("cel", "x / 0", "--vars", """{"x": 1}""");

        Assert.Equal(1, code);
        Assert.StartsWith("error: 1:", stderr, StringComparison.Ordinal);
        Assert.Contains("division by zero", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cel_InvalidVars_ExplainsAndExitsOne()
    {
        var (code, _, stderr) = await Run("cel", "x", "--vars", "{not json");

        Assert.Equal(1, code);
        Assert.Contains("--vars is not valid JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cel_UnknownVariable_ReportsUndeclaredReference()
    {
        var (code, _, stderr) = await Run("cel", "request.principal.id == 'alice'");

        Assert.Equal(1, code);
        Assert.Contains("undeclared reference to 'request'", stderr, StringComparison.Ordinal);
    }
}
