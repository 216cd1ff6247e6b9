using System.Text.Json;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Model;
using Portcullis.FunctionalTests.Cerbos;

namespace Portcullis.FunctionalTests.RemotePdp;

/// <summary>The gateway's HTTP client against the real Cerbos PDP (platform <c>cerbos</c>) serving
/// <c>samples/differential/policies</c>: a handful of document decisions, one call each and once more as one batch.</summary>
public sealed class CerbosRemotePdpTests
{
    // Subject properties, action, resource properties, expected decision.
    private static readonly (string Subject, string Action, string Resource, bool Expected)[] Cases =
    [
        ("""{"cerbos.roles":["admin"]}""", "view", """{"owner":"x","department":"sales","status":"draft"}""", true),
        ("""{"cerbos.roles":["employee"],"department":"it"}""", "edit", """{"owner":"alice","department":"sales","status":"draft"}""", true),
        ("""{"cerbos.roles":["employee"],"department":"it"}""", "delete", """{"owner":"alice","department":"sales","status":"archived"}""", false),
        ("""{"cerbos.roles":["guest"]}""", "view", """{"owner":"x","department":"sales","status":"draft"}""", false),
        ("""{}""", "view", """{"owner":"x","department":"sales","status":"published","public":true}""", true),
        ("""{"cerbos.roles":["employee"],"department":"it"}""", "view", """{"owner":"x","department":"sales","status":"draft"}""", false),
    ];

    [Fact]
    public async Task AuthZenHttpClient_DifferentialPolicies_ExpectedDecisions()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var cerbos = await CerbosProcess.StartAsync(Path.Combine(RepoPaths.Samples, "differential", "policies"), timeout.Token);
        using var client = new AuthZenHttpClient(new AuthZenClientOptions
        {
            BaseAddress = cerbos.BaseAddress,
            Platform = AuthZenPlatform.Cerbos,
            Timeout = TimeSpan.FromSeconds(10),
        });
        var cases = Cases.Select(c => (Request: Request(c.Subject, c.Action, c.Resource), c.Expected)).ToList();

        var single = new List<bool>();
        foreach (var (request, _) in cases) single.Add((await client.EvaluateAsync(request, timeout.Token)).Decision);
        var batch = new List<bool>();
        foreach (var (request, _) in cases)
        {
            // One batch per case: Cerbos reads a subject's properties once per batch, and every case here is "alice".
            var answer = await client.EvaluateManyAsync(
                new EvaluationsRequest { Subject = request.Subject, Evaluations = [new EvaluationItem { Action = request.Action, Resource = request.Resource }] },
                timeout.Token);
            batch.Add(Assert.Single(answer.Evaluations).Decision);
        }

        var expected = cases.Select(c => c.Expected).ToList();
        Assert.Equal(expected, single);
        Assert.Equal(expected, batch);
    }

    private static EvaluationRequest Request(string subjectProperties, string action, string resourceProperties) => new()
    {
        Subject = new Subject { Type = "user", Id = "alice", Properties = Json(subjectProperties) },
        Action = new AccessAction { Name = action },
        Resource = new Resource { Type = "document", Id = "d1", Properties = Json(resourceProperties) },
    };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
