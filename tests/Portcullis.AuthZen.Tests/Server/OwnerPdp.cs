using System.Text.Json;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Tests.Server;

/// <summary>A small PDP for HTTP-layer tests: a subject may act on a resource it owns
/// (<c>resource.properties.owner == subject.id</c>). Subject id <c>boom</c> makes it throw; subject id <c>explain</c>
/// gets a decision with a context. Search results carry properties, so the server must strip them.</summary>
internal sealed class OwnerPdp : IAuthZenPdp
{
    public const int UserCount = 7;

    private static readonly JsonElement Extra = JsonDocument.Parse("""{"secret":"x"}""").RootElement.Clone();

    public List<EvaluationRequest> Seen { get; } = [];

    public ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        lock (Seen)
        {
            Seen.Add(request);
        }

        var subjectId = request.Subject!.Id;
        if (subjectId == "boom")
        {
            throw new InvalidOperationException("the PDP broke at C:\\secret\\path");
        }

        if (subjectId == "explain")
        {
            return ValueTask.FromResult(new EvaluationResponse
            {
                Decision = false,
                Context = JsonDocument.Parse("""{"reason":"not the owner"}""").RootElement.Clone(),
            });
        }

        var owner = request.Resource!.Properties is { ValueKind: JsonValueKind.Object } properties &&
            properties.TryGetProperty("owner", out var o) && o.ValueKind == JsonValueKind.String
            ? o.GetString()
            : null;
        return ValueTask.FromResult(owner == subjectId ? EvaluationResponse.Permit : EvaluationResponse.Deny);
    }

    public ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Resource!.Id == "boom")
        {
            throw new InvalidOperationException("search broke");
        }

        IReadOnlyList<Subject> all = [.. Enumerable.Range(1, UserCount).Select(i => new Subject
        {
            Type = request.Subject!.Type,
            Id = $"u{i}",
            Properties = Extra,
        })];
        return ValueTask.FromResult(all);
    }

    public ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Resource> all =
        [
            new Resource { Type = request.Resource!.Type, Id = $"{request.Subject!.Id}-doc1", Properties = Extra },
            new Resource { Type = request.Resource!.Type, Id = $"{request.Subject!.Id}-doc2" },
        ];
        return ValueTask.FromResult(all);
    }

    public ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AccessAction> all =
        [
            new AccessAction { Name = "read", Properties = Extra },
            new AccessAction { Name = "write" },
        ];
        return ValueTask.FromResult(all);
    }
}
