using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Client;

/// <summary>Reads a PDP's 2xx body strictly: a decision must be a JSON boolean named <c>decision</c> (the wire records
/// would read a missing one as <c>false</c>, hiding a broken PDP), search results must be an array.</summary>
internal static class AuthZenResponseReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public static EvaluationResponse ReadEvaluation(byte[] body, string origin)
    {
        using var document = Parse(body, origin);
        return Evaluation(document.RootElement, origin);
    }

    public static EvaluationsResponse ReadEvaluations(byte[] body, string origin, int? expected)
    {
        using var document = Parse(body, origin);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("evaluations", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            // A batch without items is a single evaluation (AuthZEN 1.0 §7.1); some PDPs answer it so.
            if (expected is null or 0 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("decision", out _))
            {
                return new EvaluationsResponse { Evaluations = [Evaluation(root, origin)] };
            }
            throw Invalid(origin, "without an evaluations array");
        }
        if (items.GetArrayLength() > (expected ?? 1)) throw Invalid(origin, "with more decisions than evaluations");
        var decisions = new List<EvaluationResponse>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray()) decisions.Add(Evaluation(item, origin));
        return new EvaluationsResponse { Evaluations = decisions };
    }

    public static SearchResponse<T> ReadSearch<T>(byte[] body, string origin, JsonTypeInfo<SearchResponse<T>> typeInfo)
    {
        using var document = Parse(body, origin);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(origin, "without a results array");
        }
        try
        {
            return root.Deserialize(typeInfo) ?? throw Invalid(origin, "without a results array");
        }
        catch (JsonException e)
        {
            throw Invalid(origin, "with a malformed search result", e);
        }
    }

    private static EvaluationResponse Evaluation(JsonElement element, string origin)
    {
        if (element.ValueKind != JsonValueKind.Object ||
            !element.TryGetProperty("decision", out var decision) ||
            decision.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Invalid(origin, "without a boolean decision");
        }
        var context = element.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object ? c.Clone() : (JsonElement?)null;
        var allowed = decision.ValueKind == JsonValueKind.True;
        return context is null
            ? (allowed ? EvaluationResponse.Permit : EvaluationResponse.Deny)
            : new EvaluationResponse { Decision = allowed, Context = context };
    }

    private static JsonDocument Parse(byte[] body, string origin)
    {
        try
        {
            return JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Invalid(origin, "with a body that is not JSON", e);
        }
    }

    private static PdpUnavailableException Invalid(string origin, string what, Exception? inner = null) =>
        new(PdpFailureKind.InvalidResponse, $"The PDP at {origin} answered {what}.", null, inner);
}
