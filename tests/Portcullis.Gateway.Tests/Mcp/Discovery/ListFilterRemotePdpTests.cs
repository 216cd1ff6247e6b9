using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portcullis.AuthZen.Client;
using Portcullis.AuthZen.Server;
using Portcullis.Gateway.Mcp.Discovery;
using Portcullis.Gateway.Tests.Pipeline;
using static Portcullis.Gateway.Tests.Mcp.Discovery.ListFilterTestData;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

/// <summary>The filter against PDPs over HTTP on 127.0.0.1 through the real AuthZEN client.</summary>
public sealed class ListFilterRemotePdpTests
{
    [Fact]
    public async Task RemoteEmbeddedPdp_FiltersWithoutSingleEvaluations()
    {
        using var folder = new TempFolder();
        await using var pdp = await RemotePdpServer.StartAsync(DiscoveryPolicies.WriteTo(folder));
        using var client = new AuthZenHttpClient(new AuthZenClientOptions { BaseAddress = pdp.BaseAddress, UseDiscovery = false });

        var result = await new ListFilter(client).FilterAsync(DiscoveryList.Tools, Tools("public_search", "admin_reset", "agent_tool"), BobViaTrustedAgent, null);

        Assert.Equal(["public_search", "agent_tool"], Keys(result));
        Assert.Equal(0, pdp.Evaluations);
    }

    [Fact]
    public async Task HundredTools_OneHttpRequestToTheEvaluationsEndpoint()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = AllowEvenItemsAsync;
        using var client = new AuthZenHttpClient(new AuthZenClientOptions { BaseAddress = pdp.BaseAddress, UseDiscovery = false });

        var result = await new ListFilter(client).FilterAsync(DiscoveryList.Tools, ManyTools(100), Bob, null);

        Assert.Equal(50, Keys(result).Count);
        Assert.Equal([("POST", AuthZenPaths.Evaluations)], pdp.Received.Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public async Task PdpAnswers500_FailsClosed()
    {
        await using var pdp = await ScriptedPdpServer.StartAsync();
        pdp.Handler = ScriptedPdpServer.Json("{}", status: 500);
        using var client = new AuthZenHttpClient(new AuthZenClientOptions { BaseAddress = pdp.BaseAddress, UseDiscovery = false });

        var result = await new ListFilter(client).FilterAsync(DiscoveryList.Tools, Tools("public_a"), Bob, null);

        Assert.Equal(ListFilterStatus.PdpFailed, result.Status);
        Assert.Null(result.FilteredResult);
    }

    [Fact]
    public async Task PdpUnreachable_FailsClosed()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var client = new AuthZenHttpClient(new AuthZenClientOptions { BaseAddress = closed, UseDiscovery = false });

        var result = await new ListFilter(client).FilterAsync(DiscoveryList.Tools, Tools("public_a"), Bob, null);

        Assert.Equal(ListFilterStatus.PdpFailed, result.Status);
        Assert.IsType<PdpUnavailableException>(result.PdpException);
    }

    private static async Task AllowEvenItemsAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        var count = request.RootElement.GetProperty("evaluations").GetArrayLength();
        var decisions = string.Join(",", Enumerable.Range(0, count).Select(i => i % 2 == 0 ? """{"decision":true}""" : """{"decision":false}"""));
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"evaluations\":[" + decisions + "]}");
    }
}
