using Microsoft.AspNetCore.Http;
using Portcullis.AuthZen.Client;

namespace Portcullis.AuthZen.Tests.Client;

/// <summary>Endpoints come from <c>/.well-known/authzen-configuration</c> when the PDP publishes it, and from the
/// standard (or OpenFGA store-scoped) paths when it does not.</summary>
public sealed class AuthZenDiscoveryTests
{
    [Fact]
    public async Task EvaluateAsync_MetadataNamesOtherEndpoints_ThoseUsedAndMetadataCached()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        var b = pdp.BaseAddress.GetLeftPart(UriPartial.Authority);
        pdp.Handler = context => context.Request.Path.Value switch
        {
            "/.well-known/authzen-configuration" => context.Response.WriteAsync(
                $$"""{"policy_decision_point":"{{b}}","access_evaluation_endpoint":"{{b}}/v2/decide","access_evaluations_endpoint":"{{b}}/v2/decide-many"}"""),
            "/v2/decide" => context.Response.WriteAsync("""{"decision":true}"""),
            "/v2/decide-many" => context.Response.WriteAsync("""{"evaluations":[{"decision":false}]}"""),
            _ => NotFound(context),
        };
        using var client = Requests.Client(pdp.BaseAddress);

        var one = await client.EvaluateAsync(Requests.Read("a", "b"));
        var again = await client.EvaluateAsync(Requests.Read("a", "b"));
        var many = await client.EvaluateManyAsync(new() { Evaluations = [new() { Subject = new() { Type = "u", Id = "a" } }] });

        Assert.True(one.Decision);
        Assert.True(again.Decision);
        Assert.False(Assert.Single(many.Evaluations).Decision);
        Assert.Equal(1, pdp.Count("GET", "/.well-known/authzen-configuration"));
        Assert.Equal(2, pdp.Count("POST", "/v2/decide"));
        Assert.Equal(0, pdp.Count("POST", "/access/v1/evaluation"));
    }

    [Fact]
    public async Task EvaluateAsync_MetadataAbsent_StandardPathAndNoSecondLookup()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        using var client = Requests.Client(pdp.BaseAddress);

        await client.EvaluateAsync(Requests.Read("a", "b"));
        await client.EvaluateAsync(Requests.Read("a", "b"));

        Assert.Equal(1, pdp.Count("GET", "/.well-known/authzen-configuration"));
        Assert.Equal(2, pdp.Count("POST", "/access/v1/evaluation"));
    }

    [Fact]
    public async Task EvaluateAsync_MetadataWithoutSomeEndpointsOrWithBadOnes_StandardPathsForThose()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        var defaults = ScriptedPdpServer.Json("""{"decision":true}""");
        pdp.Handler = context => context.Request.Method == "GET"
            ? context.Response.WriteAsync("""{"policy_decision_point":"x","access_evaluation_endpoint":"javascript:alert(1)"}""")
            : defaults(context);
        using var client = Requests.Client(pdp.BaseAddress);

        await client.EvaluateAsync(Requests.Read("a", "b"));

        Assert.Equal(1, pdp.Count("POST", "/access/v1/evaluation"));
    }

    [Fact]
    public async Task EvaluateAsync_DiscoveryOff_NoMetadataRequest()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        using var client = Requests.Client(pdp.BaseAddress, o => o.UseDiscovery = false);

        await client.EvaluateAsync(Requests.Read("a", "b"));

        Assert.Equal(0, pdp.Count("GET", "/.well-known/authzen-configuration"));
        Assert.Equal(1, pdp.Count("POST", "/access/v1/evaluation"));
    }

    [Fact]
    public async Task EvaluateAsync_OpenFga_StoreScopedPaths()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json("""{"decision":true,"evaluations":[{"decision":true}]}""");
        using var client = Requests.Client(pdp.BaseAddress, o =>
        {
            o.Platform = AuthZenPlatform.OpenFga;
            o.StoreId = "01HVMMBCMGZNT3SED4Z17ECXCA";
        });

        await client.EvaluateAsync(Requests.Read("a", "b"));
        await client.EvaluateManyAsync(new() { Evaluations = [new() { Subject = new() { Type = "u", Id = "a" } }] });

        Assert.Equal(1, pdp.Count("GET", "/.well-known/authzen-configuration/01HVMMBCMGZNT3SED4Z17ECXCA"));
        Assert.Equal(1, pdp.Count("POST", "/stores/01HVMMBCMGZNT3SED4Z17ECXCA/access/v1/evaluation"));
        Assert.Equal(1, pdp.Count("POST", "/stores/01HVMMBCMGZNT3SED4Z17ECXCA/access/v1/evaluations"));
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
