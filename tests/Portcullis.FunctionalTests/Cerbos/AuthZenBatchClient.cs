using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>Posts evaluations batches to a PDP's <c>/access/v1/evaluations</c> and reads back the decisions.</summary>
internal sealed class AuthZenBatchClient(HttpClient http, string name)
{
    private static readonly Uri Endpoint = new("access/v1/evaluations", UriKind.Relative);

    /// <summary>Returns one decision per evaluation in <paramref name="body"/>; throws with the PDP's answer when the
    /// call fails or the answer is not one boolean decision per evaluation.</summary>
    public async Task<bool[]> EvaluateAsync(JsonObject body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(Endpoint, content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{name} answered {(int)response.StatusCode} to {body.ToJsonString()}:\n{text}");
        }
        var expected = body["evaluations"]!.AsArray().Count;
        var evaluations = JsonNode.Parse(text)?["evaluations"] as JsonArray;
        if (evaluations is null || evaluations.Count != expected)
        {
            throw new InvalidOperationException($"{name} did not answer {expected} evaluations:\n{text}");
        }
        var decisions = new bool[expected];
        for (var n = 0; n < expected; n++)
        {
            decisions[n] = evaluations[n]?["decision"]?.GetValue<bool>()
                ?? throw new InvalidOperationException($"{name} gave no decision for evaluation {n}:\n{text}");
        }
        return decisions;
    }
}
