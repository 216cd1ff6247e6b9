using System.Collections.Concurrent;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>The embedded PDP with a window on it: records every evaluation request it is asked, then lets the real
/// PDP decide. Used to assert which route template the gateway authorized.</summary>
internal sealed class RecordingPdp(IAuthZenPdp inner) : IAuthZenPdp
{
    private readonly ConcurrentQueue<EvaluationRequest> asked = new();

    /// <summary>Returns the evaluations asked for the gateway request <paramref name="requestId"/> (its <c>context.request_id</c>).</summary>
    public IReadOnlyList<EvaluationRequest> AskedFor(string requestId) =>
        [.. asked.Where(r => r.Context is { } context && context.TryGetProperty("request_id", out var id) && id.GetString() == requestId)];

    public ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        asked.Enqueue(request);
        return inner.EvaluateAsync(request, cancellationToken);
    }

    public ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchSubjectsAsync(request, cancellationToken);

    public ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchResourcesAsync(request, cancellationToken);

    public ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchActionsAsync(request, cancellationToken);
}
