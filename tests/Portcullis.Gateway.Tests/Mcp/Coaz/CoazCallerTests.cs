using Portcullis.Cel.Json;
using Portcullis.Gateway.Mcp.Coaz;
using static Portcullis.Gateway.Tests.Mcp.Coaz.CoazTestData;

namespace Portcullis.Gateway.Tests.Mcp.Coaz;

public class CoazCallerTests
{
    [Theory]
    [InlineData("""["https://a.example.com","https://mcp.example.com"]""", "\"https://mcp.example.com\"")]
    [InlineData("""["https://mcp.example.com/"]""", "\"https://mcp.example.com/\"")]
    [InlineData("\"https://mcp.example.com\"", "\"https://mcp.example.com\"")]
    [InlineData("\"https://elsewhere.example.com\"", "\"https://elsewhere.example.com\"")]
    public void Create_Audience_IsOneStringNamingThisServer(string aud, string expected)
    {
        var caller = Caller($$$"""{"sub":"alice","aud":{{{aud}}}}""");

        Assert.True(caller.Token.AsMap.TryGetValue("aud", out var value));
        Assert.Equal(expected, CelJson.ToJsonString(value));
    }

    [Fact]
    public void Create_AudienceArrayWithoutThisServer_LeavesAudOut()
    {
        var caller = Caller("""{"sub":"alice","aud":["https://a.example.com",7]}""");

        Assert.False(caller.Token.AsMap.TryGetValue("aud", out _));
        Assert.True(caller.Token.AsMap.TryGetValue("sub", out _));
    }

    [Theory]
    [InlineData("""{"sub":"alice"}""", "alice")]
    [InlineData("""{"sub":42}""", "42")]
    [InlineData("""{"sub":""}""", null)]
    [InlineData("""{"sub":{"id":"alice"}}""", null)]
    [InlineData("""{"user":"alice"}""", null)]
    public void Create_SubjectId_IsTheSubjectIdentityClaim(string claims, string? expected)
    {
        Assert.Equal(expected, Caller(claims).SubjectId);
    }
}
