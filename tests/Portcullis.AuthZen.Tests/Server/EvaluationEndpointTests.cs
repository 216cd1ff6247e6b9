using System.Text;
using Microsoft.Extensions.Logging;

namespace Portcullis.AuthZen.Tests.Server;

[Collection(AuthZenServerCollection.Name)]
public sealed class EvaluationEndpointTests(AuthZenServerFixture server)
{
    private const string Path = "/access/v1/evaluation";

    private const string Valid = """
        {"subject":{"type":"user","id":"alice"},"action":{"name":"read"},
         "resource":{"type":"doc","id":"1","properties":{"owner":"alice"}},"context":{"time":"now"}}
        """;

    [Fact]
    public async Task Evaluation_Owner_Permits()
    {
        var reply = await server.PostAsync(Path, Valid);

        Assert.Equal(200, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("""{"decision":true}""", reply.Body);
    }

    [Fact]
    public async Task Evaluation_NotOwner_DeniesWith200AndNothingButDecision()
    {
        var reply = await server.PostAsync(Path, Valid.Replace("\"owner\":\"alice\"", "\"owner\":\"bob\"", StringComparison.Ordinal));

        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"decision":false}""", reply.Body);
    }

    [Fact]
    public async Task Evaluation_PdpGivesContext_ContextReturned()
    {
        var reply = await server.PostAsync(Path, Valid.Replace("\"alice\"}", "\"explain\"}", StringComparison.Ordinal));

        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"decision":false,"context":{"reason":"not the owner"}}""", reply.Body);
    }

    [Fact]
    public async Task Evaluation_UnknownMembers_Ignored()
    {
        var reply = await server.PostAsync(Path, """
            {"subject":{"type":"user","id":"alice","x":1},"action":{"name":"read","y":[1]},
             "resource":{"type":"doc","id":"1","properties":{"owner":"alice"}},"extra":{"z":null}}
            """);

        Assert.Equal("""{"decision":true}""", reply.Body);
    }

    [Fact]
    public async Task Evaluation_NullProperties_TreatedAsAbsent()
    {
        var reply = await server.PostAsync(Path, """
            {"subject":{"type":"user","id":"alice","properties":null},"action":{"name":"read"},
             "resource":{"type":"doc","id":"1"},"context":null}
            """);

        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"decision":false}""", reply.Body);
    }

    [Theory]
    [InlineData("""{"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject is required")]
    [InlineData("""{"subject":{"id":"a"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.type is required")]
    [InlineData("""{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.id is required")]
    [InlineData("""{"subject":{"type":"user","id":""},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.id must be a non-empty string")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"resource":{"type":"doc","id":"1"}}""", "action is required")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{},"resource":{"type":"doc","id":"1"}}""", "action.name is required")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":"read"}}""", "resource is required")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":"read"},"resource":{"id":"1"}}""", "resource.type is required")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":"read"},"resource":{"type":"doc"}}""", "resource.id is required")]
    [InlineData("""{"subject":{"type":"user","id":5},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.id must be a string")]
    [InlineData("""{"subject":{"type":true,"id":"a"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.type must be a string")]
    [InlineData("""{"subject":"alice","action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject must be an object")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":["read"]},"resource":{"type":"doc","id":"1"}}""", "action.name must be a string")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":"read"},"resource":{"type":"doc","id":{"n":1}}}""", "resource.id must be a string")]
    [InlineData("""{"subject":{"type":"user","id":"a","properties":[1]},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.properties must be an object")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":"read","properties":"x"},"resource":{"type":"doc","id":"1"}}""", "action.properties must be an object")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":"read"},"resource":{"type":"doc","id":"1","properties":3}}""", "resource.properties must be an object")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"context":"x"}""", "context must be an object")]
    [InlineData("""{"subject":{"type":"user","id":"a"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"options":{"reasons":"yes"}}""", "options.reasons must be a boolean")]
    [InlineData("""[{"subject":{"type":"user","id":"a"}}]""", "request body must be a JSON object")]
    [InlineData("null", "request body must be a JSON object")]
    [InlineData("\"text\"", "request body must be a JSON object")]
    [InlineData("", "request body is empty")]
    [InlineData("  \n ", "request body is empty")]
    [InlineData("""{"subject":{"type":"user","id":"a"}""", "request body is not valid JSON (line 1, position 36)")]
    [InlineData("""{"subject":{"type":"user","id":"a"}} trailing""", "request body is not valid JSON (line 1, position 38)")]
    [InlineData("""{'subject':1}""", "request body is not valid JSON (line 1, position 2)")]
    [InlineData("""{"subject":{"type":"user","id":"a","id":"b"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.id appears more than once")]
    [InlineData("""{"subject":{"type":"user","id":"a","properties":{"r":1,"r":2}},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.properties appears more than once")]
    public async Task Evaluation_BadRequest_400NamesTheField(string body, string message)
    {
        var reply = await server.PostAsync(Path, body);

        Assert.Equal(400, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(message, reply.ErrorMessage);
        Assert.Equal(400, reply.Json.GetProperty("error").GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Evaluation_WrongContentType_400(string? contentType)
    {
        var reply = await server.PostAsync(Path, Valid, contentType);

        Assert.Equal(400, reply.Status);
        Assert.Equal("Content-Type must be application/json", reply.ErrorMessage);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task Evaluation_JsonContentTypeVariants_Accepted(string contentType)
    {
        var reply = await server.PostAsync(Path, Valid, contentType);

        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task Evaluation_BodyOverOneMebibyte_413()
    {
        var padding = new string('x', (1024 * 1024) + 10);
        var reply = await server.PostAsync(Path, Valid.Replace("\"now\"", $"\"{padding}\"", StringComparison.Ordinal));

        Assert.Equal(413, reply.Status);
        Assert.Equal("request body is too large", reply.ErrorMessage);
    }

    [Fact]
    public async Task Evaluation_ChunkedBodyOverLimit_413()
    {
        var padding = new string('x', (1024 * 1024) + 10);
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            Valid.Replace("\"now\"", $"\"{padding}\"", StringComparison.Ordinal))));
        var reply = await server.SendAsync(Path, content);

        Assert.Equal(413, reply.Status);
    }

    [Fact]
    public async Task Evaluation_PdpThrows_500WithGenericMessage()
    {
        var reply = await server.PostAsync(Path, Valid.Replace("\"alice\"}", "\"boom\"}", StringComparison.Ordinal), requestId: "r-500");

        Assert.Equal(500, reply.Status);
        Assert.Equal("internal error", reply.ErrorMessage);
        Assert.DoesNotContain("secret", reply.Body, StringComparison.Ordinal);
        Assert.Equal("r-500", reply.RequestId);
        Assert.Contains(server.Logs.Entries, e => e.Id.Id == 3100 && e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Evaluation_RequestId_Echoed()
    {
        var reply = await server.PostAsync(Path, Valid, requestId: "bfe9eb29-ab87-4ca3-be83-a1d5d8305716");

        Assert.Equal("bfe9eb29-ab87-4ca3-be83-a1d5d8305716", reply.RequestId);
    }

    [Fact]
    public async Task Evaluation_RequestIdOnError_Echoed()
    {
        var reply = await server.PostAsync(Path, "{}", requestId: "abc");

        Assert.Equal(400, reply.Status);
        Assert.Equal("abc", reply.RequestId);
    }

    [Fact]
    public async Task Evaluation_NoRequestId_NoneInvented()
    {
        var reply = await server.PostAsync(Path, Valid);

        Assert.Null(reply.RequestId);
    }

    [Fact]
    public async Task Evaluation_Get_405()
    {
        using var response = await server.Client.GetAsync(new Uri(Path, UriKind.Relative));

        Assert.Equal(405, (int)response.StatusCode);
    }

    [Fact]
    public async Task Evaluation_InvalidUtf8InsideAProperty_400NamingTheEncoding()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid.Replace("\"owner\"", "\"own\u00ffer\"", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes = [.. bytes[..at], 0xFF, .. bytes[(at + 2)..]]; // a lone 0xFF byte is never valid UTF-8

        var reply = await server.SendAsync(Path, new ByteArrayContent(bytes));

        Assert.Equal(400, reply.Status);
        Assert.Contains("not valid UTF-8", reply.Body, StringComparison.Ordinal);
    }
}
