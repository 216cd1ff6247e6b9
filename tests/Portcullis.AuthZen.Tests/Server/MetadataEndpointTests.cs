namespace Portcullis.AuthZen.Tests.Server;

[Collection(AuthZenServerCollection.Name)]
public sealed class MetadataEndpointTests(AuthZenServerFixture server)
{
    [Fact]
    public async Task Metadata_Get_AbsoluteEndpointsFromTheRequestBase()
    {
        var reply = await server.GetAsync("/.well-known/authzen-configuration", requestId: "m1");
        var b = server.BaseAddress.GetLeftPart(UriPartial.Authority);

        Assert.Equal(200, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("m1", reply.RequestId);
        var json = reply.Json;
        Assert.Equal(
            ["policy_decision_point", "access_evaluation_endpoint", "access_evaluations_endpoint", "search_subject_endpoint", "search_resource_endpoint", "search_action_endpoint"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(b, json.GetProperty("policy_decision_point").GetString());
        Assert.Equal(b + "/access/v1/evaluation", json.GetProperty("access_evaluation_endpoint").GetString());
        Assert.Equal(b + "/access/v1/evaluations", json.GetProperty("access_evaluations_endpoint").GetString());
        Assert.Equal(b + "/access/v1/search/subject", json.GetProperty("search_subject_endpoint").GetString());
        Assert.Equal(b + "/access/v1/search/resource", json.GetProperty("search_resource_endpoint").GetString());
        Assert.Equal(b + "/access/v1/search/action", json.GetProperty("search_action_endpoint").GetString());
    }

    [Fact]
    public async Task Metadata_EndpointsItNames_Answer()
    {
        var reply = await server.GetAsync("/.well-known/authzen-configuration");
        var evaluation = new Uri(reply.Json.GetProperty("access_evaluation_endpoint").GetString()!);

        var decision = await server.PostAsync(evaluation.AbsolutePath, """{"subject":{"type":"u","id":"a"},"action":{"name":"r"},"resource":{"type":"d","id":"1"}}""");

        Assert.Equal("""{"decision":false}""", decision.Body);
    }
}
