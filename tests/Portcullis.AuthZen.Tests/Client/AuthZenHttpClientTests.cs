using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;
using Portcullis.AuthZen.Tests.Server;

namespace Portcullis.AuthZen.Tests.Client;

/// <summary>The client against the real AuthZEN server endpoints (over <see cref="OwnerPdp"/>).</summary>
[Collection(AuthZenServerCollection.Name)]
public sealed class AuthZenHttpClientTests(AuthZenServerFixture server)
{
    [Fact]
    public async Task EvaluateAsync_OwnerAndStranger_PermitAndDeny()
    {
        using var client = Requests.Client(server.BaseAddress);

        var owner = await client.EvaluateAsync(Requests.Read("alice", "alice"));
        var stranger = await client.EvaluateAsync(Requests.Read("bob", "alice"));

        Assert.True(owner.Decision);
        Assert.False(stranger.Decision);
    }

    [Fact]
    public async Task EvaluateAsync_DecisionWithContext_ContextKept()
    {
        using var client = Requests.Client(server.BaseAddress);

        var response = await client.EvaluateAsync(Requests.Read("explain", "alice"));

        Assert.False(response.Decision);
        Assert.Equal("not the owner", response.Context!.Value.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task EvaluateManyAsync_Batch_OneDecisionPerItemInOrder()
    {
        using var client = Requests.Client(server.BaseAddress);
        var mine = Requests.Read("alice", "alice");
        var theirs = Requests.Read("alice", "bob");

        var response = await client.EvaluateManyAsync(new EvaluationsRequest
        {
            Subject = mine.Subject,
            Action = mine.Action,
            Evaluations = [new EvaluationItem { Resource = mine.Resource }, new EvaluationItem { Resource = theirs.Resource }, new EvaluationItem { Resource = mine.Resource }],
        });

        Assert.Equal([true, false, true], response.Evaluations.Select(e => e.Decision));
    }

    [Fact]
    public async Task SearchSubjectsAsync_SeveralPages_EveryResult()
    {
        using var client = Requests.Client(server.BaseAddress);

        var subjects = await client.SearchSubjectsAsync(new SearchRequest
        {
            Subject = new Subject { Type = "user" },
            Action = new AccessAction { Name = "read" },
            Resource = new Resource { Type = "doc", Id = "1" },
        });

        Assert.Equal(Enumerable.Range(1, OwnerPdp.UserCount).Select(i => $"u{i}"), subjects.Select(s => s.Id));
    }

    [Fact]
    public async Task SearchResourcesAndActions_ResultsOfTheServer()
    {
        using var client = Requests.Client(server.BaseAddress);
        var request = new SearchRequest
        {
            Subject = new Subject { Type = "user", Id = "alice" },
            Action = new AccessAction { Name = "read" },
            Resource = new Resource { Type = "doc", Id = "1" },
        };

        var resources = await client.SearchResourcesAsync(request with { Resource = new Resource { Type = "doc" } });
        var actions = await client.SearchActionsAsync(request with { Action = null });

        Assert.Equal(["alice-doc1", "alice-doc2"], resources.Select(r => r.Id));
        Assert.Equal(["read", "write"], actions.Select(a => a.Name));
    }

    [Fact]
    public async Task EvaluateAsync_ServerPublishesMetadata_FetchedOnceAndReused()
    {
        using var client = Requests.Client(server.BaseAddress);

        await client.EvaluateAsync(Requests.Read("alice", "alice"));
        await client.EvaluateAsync(Requests.Read("alice", "alice"));
        await client.EvaluateManyAsync(new EvaluationsRequest { Subject = new Subject { Type = "user", Id = "a" }, Action = new AccessAction { Name = "r" }, Resource = new Resource { Type = "d", Id = "1" } });

        Assert.Equal(1, client.MetadataFetches);
    }
}
