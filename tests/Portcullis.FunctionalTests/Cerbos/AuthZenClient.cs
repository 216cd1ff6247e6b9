using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>Posts AuthZEN evaluations to a PDP (<c>/access/v1/evaluation</c> and <c>/access/v1/evaluations</c>) and
/// reads back the decisions.</summary>
internal sealed class AuthZenClient(HttpClient http, string name)
{
    private static readonly Uri BatchEndpoint = new("access/v1/evaluations", UriKind.Relative);
    private static readonly Uri SingleEndpoint = new("access/v1/evaluation", UriKind.Relative);

    /// <summary>Returns the decision for the single evaluation <paramref name="body"/>; throws with the PDP's answer
    /// when the call fails or carries no boolean decision.</summary>
    public async Task<bool> EvaluateOneAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var text = await PostAsync(SingleEndpoint, body, cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(text)?["decision"]?.GetValue<bool>()
            ?? throw new InvalidOperationException($"{name} gave no decision to {body.ToJsonString()}:\n{text}");
    }

    /// <summary>Returns one decision per evaluation in <paramref name="body"/>; throws with the PDP's answer when the
    /// call fails or the answer is not one boolean decision per evaluation.</summary>
    public async Task<bool[]> EvaluateAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var text = await PostAsync(BatchEndpoint, body, cancellationToken).ConfigureAwait(false);
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

    private async Task<string> PostAsync(Uri endpoint, JsonObject body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{name} answered {(int)response.StatusCode} on /{endpoint} to {body.ToJsonString()}:\n{text}");
        }
        return text;
    }
}
