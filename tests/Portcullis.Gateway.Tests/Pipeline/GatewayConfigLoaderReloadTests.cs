using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>What the loader provides for reload and HTTP/2: the source path and <c>upstream_http_version</c>.</summary>
public sealed class GatewayConfigLoaderReloadTests
{
    private const string Route = """
        routes:
          - id: api
            path: /api/{**rest}
            upstream: http://127.0.0.1:9/
            anonymous: true
        """;

    [Fact]
    public void LoadFile_ValidFile_RecordsItsFullPath()
    {
        using var folder = new TempFolder();
        var file = folder.Write("portcullis.yaml", Route);

        var loaded = GatewayConfigLoader.LoadFile(Path.GetRelativePath(Environment.CurrentDirectory, file));

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        Assert.Equal(file, loaded.Config!.SourcePath);
    }

    [Theory]
    [InlineData("\"1.1\"", "1.1")]
    [InlineData("\"2\"", "2.0")]
    [InlineData("2.0", "2.0")]
    public void LoadYaml_UpstreamHttpVersion_IsRead(string yaml, string expected)
    {
        var loaded = GatewayConfigLoader.LoadYaml(Route + $"\n    upstream_http_version: {yaml}\n", ".");

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        Assert.Equal(Version.Parse(expected), loaded.Config!.Routes[0].UpstreamHttpVersion);
    }

    [Fact]
    public void LoadYaml_NoUpstreamHttpVersion_LeavesTheDefault()
    {
        var loaded = GatewayConfigLoader.LoadYaml(Route, ".");

        Assert.Null(loaded.Config!.Routes[0].UpstreamHttpVersion);
        Assert.Null(loaded.Config.SourcePath);
    }

    [Fact]
    public void LoadYaml_UnknownUpstreamHttpVersion_IsAProblemWithItsLine()
    {
        var loaded = GatewayConfigLoader.LoadYaml(Route + "\n    upstream_http_version: \"3\"\n", ".");

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("routes[0].upstream_http_version", problem.Path);
        Assert.Equal(6, problem.Line);
        Assert.Contains("\"1.1\" or \"2\"", problem.Message, StringComparison.Ordinal);
    }
}
