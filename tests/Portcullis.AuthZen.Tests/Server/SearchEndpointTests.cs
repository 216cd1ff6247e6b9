namespace Portcullis.AuthZen.Tests.Server;

[Collection(AuthZenServerCollection.Name)]
public sealed class SearchEndpointTests(AuthZenServerFixture server)
{
    private const string SubjectPath = "/access/v1/search/subject";
    private const string ResourcePath = "/access/v1/search/resource";
    private const string ActionPath = "/access/v1/search/action";

    private static string SubjectSearch(string page = "", string resourceId = "1") => $$"""
        {"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc","id":"{{resourceId}}"}{{page}}}
        """;

    [Fact]
    public async Task SubjectSearch_NoPage_AllResultsTypeAndIdOnly()
    {
        var reply = await server.PostAsync(SubjectPath, SubjectSearch());

        Assert.Equal(200, reply.Status);
        Assert.Equal(
            """{"page":{"next_token":"","count":7,"total":7},"results":[{"type":"user","id":"u1"},{"type":"user","id":"u2"},""" +
            """{"type":"user","id":"u3"},{"type":"user","id":"u4"},{"type":"user","id":"u5"},{"type":"user","id":"u6"},{"type":"user","id":"u7"}]}""",
            reply.Body);
    }

    [Fact]
    public async Task SubjectSearch_SubjectIdGiven_Ignored()
    {
        var reply = await server.PostAsync(SubjectPath, SubjectSearch().Replace("{\"type\":\"user\"}", "{\"type\":\"user\",\"id\":\"x\"}", StringComparison.Ordinal));

        Assert.Equal(200, reply.Status);
        Assert.Equal(7, reply.Json.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task SubjectSearch_Paged_WalksEveryPageAndEndsWithEmptyToken()
    {
        var ids = new List<string>();
        var first = await server.PostAsync(SubjectPath, SubjectSearch(""","page":{"limit":3}"""));
        Assert.Equal(200, first.Status);
        var page = first.Json.GetProperty("page");
        Assert.Equal(3, page.GetProperty("count").GetInt32());
        Assert.Equal(7, page.GetProperty("total").GetInt32());
        ids.AddRange(Ids(first));

        var token = page.GetProperty("next_token").GetString()!;
        var pages = 1;
        while (token.Length > 0 && pages < 10)
        {
            // The spec's own example omits the limit on follow-up pages.
            var next = await server.PostAsync(SubjectPath, SubjectSearch($$""","page":{"token":"{{token}}"}"""));
            Assert.Equal(200, next.Status);
            ids.AddRange(Ids(next));
            token = next.Json.GetProperty("page").GetProperty("next_token").GetString()!;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(["u1", "u2", "u3", "u4", "u5", "u6", "u7"], ids);
    }

    [Fact]
    public async Task SubjectSearch_LastPage_CountIsWhatRemains()
    {
        var first = await server.PostAsync(SubjectPath, SubjectSearch(""","page":{"limit":5}"""));
        var token = first.Json.GetProperty("page").GetProperty("next_token").GetString();

        var last = await server.PostAsync(SubjectPath, SubjectSearch($$""","page":{"token":"{{token}}","limit":5}"""));

        Assert.Equal("""{"page":{"next_token":"","count":2,"total":7},"results":[{"type":"user","id":"u6"},{"type":"user","id":"u7"}]}""", last.Body);
    }

    [Fact]
    public async Task SubjectSearch_PageWithoutLimit_UsesDefaultPageSize()
    {
        var reply = await server.PostAsync(SubjectPath, SubjectSearch(""","page":{}"""));

        Assert.Equal(3, reply.Json.GetProperty("page").GetProperty("count").GetInt32());
        Assert.NotEqual("", reply.Json.GetProperty("page").GetProperty("next_token").GetString());
    }

    [Fact]
    public async Task SubjectSearch_TokenWithChangedRequest_400()
    {
        var first = await server.PostAsync(SubjectPath, SubjectSearch(""","page":{"limit":2}"""));
        var token = first.Json.GetProperty("page").GetProperty("next_token").GetString();

        var reply = await server.PostAsync(SubjectPath, SubjectSearch($$""","page":{"token":"{{token}}"}""", resourceId: "2"));

        Assert.Equal(400, reply.Status);
        Assert.Equal("page token does not match the request", reply.ErrorMessage);
    }

    [Fact]
    public async Task SubjectSearch_TokenWithChangedLimit_400()
    {
        var first = await server.PostAsync(SubjectPath, SubjectSearch(""","page":{"limit":2}"""));
        var token = first.Json.GetProperty("page").GetProperty("next_token").GetString();

        var reply = await server.PostAsync(SubjectPath, SubjectSearch($$""","page":{"token":"{{token}}","limit":4}"""));

        Assert.Equal(400, reply.Status);
        Assert.Equal("page token does not match the request", reply.ErrorMessage);
    }

    [Fact]
    public async Task SubjectSearch_TokenFromAnotherSearchKind_400()
    {
        var first = await server.PostAsync(ActionPath, """{"subject":{"type":"user","id":"a"},"resource":{"type":"doc","id":"1"},"page":{"limit":1}}""");
        var token = first.Json.GetProperty("page").GetProperty("next_token").GetString();

        var reply = await server.PostAsync(SubjectPath, SubjectSearch($$""","page":{"token":"{{token}}"}"""));

        Assert.Equal(400, reply.Status);
        Assert.Equal("page token does not match the request", reply.ErrorMessage);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAA")]
    [InlineData("!!!!")]
    [InlineData("AQEAAAADAAAAAv__________________________________________")]
    public async Task SubjectSearch_InvalidToken_400(string token)
    {
        var reply = await server.PostAsync(SubjectPath, SubjectSearch($$""","page":{"token":"{{token}}"}"""));

        Assert.Equal(400, reply.Status);
        Assert.Equal("page.token is not a valid page token", reply.ErrorMessage);
    }

    [Fact]
    public async Task SubjectSearch_LimitAboveMaximum_Lowered()
    {
        var reply = await server.PostAsync(SubjectPath, SubjectSearch(""","page":{"limit":100000}"""));

        Assert.Equal(200, reply.Status);
        Assert.Equal(7, reply.Json.GetProperty("page").GetProperty("count").GetInt32());
        Assert.Equal("", reply.Json.GetProperty("page").GetProperty("next_token").GetString());
    }

    [Theory]
    [InlineData(SubjectPath, """{"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject is required")]
    [InlineData(SubjectPath, """{"subject":{},"action":{"name":"read"},"resource":{"type":"doc","id":"1"}}""", "subject.type is required")]
    [InlineData(SubjectPath, """{"subject":{"type":"user"},"resource":{"type":"doc","id":"1"}}""", "action is required")]
    [InlineData(SubjectPath, """{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc"}}""", "resource.id is required")]
    [InlineData(SubjectPath, """{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"page":{"limit":-1}}""", "page.limit must be a non-negative integer")]
    [InlineData(SubjectPath, """{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"page":{"limit":1.5}}""", "page.limit must be a non-negative integer")]
    [InlineData(SubjectPath, """{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"page":{"token":7}}""", "page.token must be a string")]
    [InlineData(SubjectPath, """{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"page":"next"}""", "page must be an object")]
    [InlineData(SubjectPath, """{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"context":1}""", "context must be an object")]
    [InlineData(ResourcePath, """{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc"}}""", "subject.id is required")]
    [InlineData(ResourcePath, """{"subject":{"type":"user","id":"a"},"action":{"name":"read"},"resource":{}}""", "resource.type is required")]
    [InlineData(ResourcePath, """{"subject":{"type":"user","id":"a"},"resource":{"type":"doc"}}""", "action is required")]
    [InlineData(ActionPath, """{"subject":{"type":"user","id":"a"}}""", "resource is required")]
    [InlineData(ActionPath, """{"subject":{"type":"user","id":"a"},"resource":{"type":"doc"}}""", "resource.id is required")]
    [InlineData(ActionPath, """{"resource":{"type":"doc","id":"1"}}""", "subject is required")]
    public async Task Search_BadRequest_400NamesTheField(string path, string body, string message)
    {
        var reply = await server.PostAsync(path, body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(message, reply.ErrorMessage);
    }

    [Fact]
    public async Task ResourceSearch_Valid_TypeAndIdOnly()
    {
        var reply = await server.PostAsync(ResourcePath, """{"subject":{"type":"user","id":"alice"},"action":{"name":"read"},"resource":{"type":"doc","id":"ignored"}}""", requestId: "s1");

        Assert.Equal("""{"page":{"next_token":"","count":2,"total":2},"results":[{"type":"doc","id":"alice-doc1"},{"type":"doc","id":"alice-doc2"}]}""", reply.Body);
        Assert.Equal("s1", reply.RequestId);
    }

    [Fact]
    public async Task ActionSearch_Valid_NameOnlyAndActionInRequestIgnored()
    {
        var reply = await server.PostAsync(ActionPath, """{"subject":{"type":"user","id":"alice"},"action":{"name":""},"resource":{"type":"doc","id":"1"}}""");

        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"page":{"next_token":"","count":2,"total":2},"results":[{"name":"read"},{"name":"write"}]}""", reply.Body);
    }

    [Fact]
    public async Task SubjectSearch_PdpThrows_500()
    {
        var reply = await server.PostAsync(SubjectPath, SubjectSearch(resourceId: "boom"));

        Assert.Equal(500, reply.Status);
        Assert.Equal("internal error", reply.ErrorMessage);
    }

    private static IEnumerable<string> Ids(Reply reply) =>
        reply.Json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!);
}
