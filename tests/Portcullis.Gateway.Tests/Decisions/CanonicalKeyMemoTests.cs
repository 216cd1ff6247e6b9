using Portcullis.Gateway.Decisions;
using Portcullis.Gateway.Mapping;
using Portcullis.Gateway.Tests.Mapping;

namespace Portcullis.Gateway.Tests.Decisions;

public sealed class CanonicalKeyMemoTests
{
    // Mappings that read nothing of the request but method, route template, host and client address.
    public static TheoryData<string> DetailFreeMappings =>
    [
        "{}",
        """{"subject":{"properties":[{"key":"roles","claim":"realm_access.roles"}]}}""",
        """{"resource":{"include":["host"]},"subject":{"properties":{"tenant":"claim::organization"}}}""",
        MappingTestData.SeedBlockJson.Replace("\"$request.route\"", "\"/todos/{todoId}\"", StringComparison.Ordinal).Replace("\"$request.method\"", "\"delete\"", StringComparison.Ordinal),
        """{"subject":{"type":"user","id":"claim::preferred_username"},"resource":{"type":"todo","id":"claim::organization","properties":[{"key":"level","claim":"level"}]},"context":[{"key":"app","value":"web"}]}""",
    ];

    [Theory]
    [MemberData(nameof(DetailFreeMappings))]
    public void DetailFreeMapping_RequestsAgreeingOnWhatTheMemoCompares_HaveTheSameCanonicalKey(string json)
    {
        var mapping = MappingTestData.ParseJson(json);
        var facts = MappingTestData.DeleteTodo;
        // Everything the memo does not compare is changed: if the mapping read any of it, the keys would differ.
        var other = facts with
        {
            Path = "/todos/43",
            RouteParams = new Dictionary<string, string> { ["todoId"] = "43" },
            Query = new Dictionary<string, IReadOnlyList<string>> { ["x"] = ["y"] },
            Headers = new Dictionary<string, string> { ["x-tenant-hint"] = "other" },
            Time = facts.Time.AddMinutes(5),
            RequestId = "req-other",
        };

        Assert.True(CanonicalKeyMemo.Applies(mapping));
        Assert.Equal(Key(mapping, facts), Key(mapping, other));
    }

    [Theory]
    [InlineData("""{"resource":{"id":"$request.params.todoId"}}""")]
    [InlineData("""{"context":[{"key":"hint","value":"$request.headers['x-tenant-hint']"}]}""")]
    [InlineData("""{"resource":{"include":["params"]}}""")]
    [InlineData("""{"resource":{"include":["query"]}}""")]
    public void MappingReadingRequestDetails_IsNotRemembered(string json)
    {
        Assert.False(CanonicalKeyMemo.Applies(MappingTestData.ParseJson(json)));
    }

    [Fact]
    public void TryGet_AfterAdd_FindsTheKeyForTheSameQuestionOnly()
    {
        var mapping = MappingTestData.ParseJson("{}");
        var caller = CallerClaims.FromJson("""{"sub":"memo-test"}""");
        var facts = MappingTestData.DeleteTodo;
        var key = Key(mapping, facts, caller);
        CanonicalKeyMemo.Add(caller, mapping, facts, key);

        Assert.True(CanonicalKeyMemo.TryGet(caller, mapping, facts with { Time = facts.Time.AddHours(1), RequestId = "later" }, out var found));
        Assert.Equal(key, found);
        Assert.False(CanonicalKeyMemo.TryGet(caller, mapping, facts with { Method = "GET" }, out _));
        Assert.False(CanonicalKeyMemo.TryGet(caller, mapping, facts with { RouteTemplate = "/todos" }, out _));
        Assert.False(CanonicalKeyMemo.TryGet(caller, mapping, facts with { Host = "other.example.com" }, out _));
        Assert.False(CanonicalKeyMemo.TryGet(caller, mapping, facts with { ClientIp = "198.51.100.1" }, out _));
        Assert.False(CanonicalKeyMemo.TryGet(caller, MappingTestData.ParseJson("{}"), facts, out _));
        Assert.False(CanonicalKeyMemo.TryGet(CallerClaims.FromJson("""{"sub":"memo-test"}"""), mapping, facts, out _));
    }

    [Fact]
    public void Add_BeyondTheBound_KeepsTheFirstKeys()
    {
        var mapping = MappingTestData.ParseJson("{}");
        var caller = CallerClaims.FromJson("""{"sub":"bounded"}""");
        for (var i = 0; i <= CanonicalKeyMemo.MaxPerCaller; i++)
        {
            var facts = MappingTestData.DeleteTodo with { ClientIp = $"10.0.0.{i}" };
            CanonicalKeyMemo.Add(caller, mapping, facts, Key(mapping, facts, caller));
        }

        Assert.True(CanonicalKeyMemo.TryGet(caller, mapping, MappingTestData.DeleteTodo with { ClientIp = "10.0.0.0" }, out _));
        Assert.False(CanonicalKeyMemo.TryGet(caller, mapping, MappingTestData.DeleteTodo with { ClientIp = $"10.0.0.{CanonicalKeyMemo.MaxPerCaller}" }, out _));
    }

    private static CanonicalRequestKey Key(AuthZenMappingConfig mapping, RequestFacts facts, CallerClaims? caller = null)
    {
        var result = AuthZenRequestBuilder.Build(mapping, caller ?? MappingTestData.Alice, facts);
        Assert.True(result.Succeeded, result.Failure?.ToString());
        return CanonicalRequestKey.For(result.Request);
    }
}
