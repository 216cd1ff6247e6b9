using System.Net;
using System.Text;
using Xunit.Sdk;

namespace Portcullis.FunctionalTests.Gateway;

/// <summary>Sends one API-gateway interop case through the gateway as the real HTTP request and checks what the caller
/// and the upstream saw: allowed means the upstream answered it, denied means 403 and the upstream never saw it.</summary>
internal static class ApiGatewayRunner
{
    public static async Task AssertCaseAsync(ApiGatewayFixture gateway, ApiGatewayCase c)
    {
        try
        {
            await CheckAsync(gateway, c);
            gateway.Record(c, null);
        }
        catch (XunitException e)
        {
            // The summary keeps the verdict, not the gateway's log that the assertion message carries.
            gateway.Record(c, e.Message.Split("\ngateway output:")[0].ReplaceLineEndings(" "));
            throw;
        }
    }

    private static async Task CheckAsync(ApiGatewayFixture gateway, ApiGatewayCase c)
    {
        var requestId = $"api-gateway-{gateway.RunName}-{c.Index + 1}";
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path);
        request.Headers.Authorization = new("Bearer", gateway.Token(c.SubjectId));
        request.Headers.Add("X-Request-ID", requestId);
        if (c.Method is "POST" or "PUT")
        {
            request.Content = new StringContent("""{"Title":"Interop","Completed":false}""", Encoding.UTF8, "application/json");
        }

        using var response = await gateway.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var received = gateway.Upstream.Received.Where(r => r.Headers.TryGetValue("X-Request-ID", out var id) && id == requestId).ToList();
        var seen = $"{c.Method} {c.Path} answered {(int)response.StatusCode} {body}; the upstream saw it {received.Count} time(s)\ngateway output:\n{gateway.GatewayOutput}";
        if (c.Expected)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the upstream's 200: {seen}");
            Assert.Equal($"{c.Method} {c.Path}", body);
            var forwarded = Assert.Single(received);
            Assert.Equal((c.Method, c.Path), (forwarded.Method, forwarded.Path));
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403: {seen}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(received.Count == 0, $"a denied request reached the upstream: {seen}");
        }
    }
}
