using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Portcullis.FunctionalTests.Interop;

/// <summary>Posts an interop case to a PDP and asserts the answer, as the AuthZEN interop harnesses do.</summary>
internal static class InteropRunner
{
    public static async Task AssertCaseAsync(HttpClient client, InteropCase c)
    {
        var request = JsonSerializer.Serialize(c.Request);
        using var content = new StringContent(request);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri(c.Path, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"POST {c.Path} answered {(int)response.StatusCode}: {body}\nrequest: {request}");
        }
        JsonElement actual;
        try
        {
            using var document = JsonDocument.Parse(body);
            actual = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            Assert.Fail($"POST {c.Path} answered with invalid JSON ({ex.Message}): {body}\nrequest: {request}");
            return;
        }
        var mismatch = ResponseComparer.Mismatch(c.Endpoint, c.Expected, actual);
        if (mismatch is not null) Assert.Fail($"POST {c.Path}: {mismatch}\nrequest: {request}");
    }
}
