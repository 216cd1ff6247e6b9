using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portcullis.AuthZen;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>The embedded PDP with a window on it: records every call (Access Evaluation or Access Evaluations, as the
/// gateway made it) with the gateway request that made it, then lets the real PDP decide.</summary>
/// <remarks>The MCP stage's AuthZEN requests carry no request id, so the call is attributed through
/// <see cref="CurrentRequestId"/>, which a middleware placed before the gateway sets from <c>X-Request-ID</c>: the
/// gateway runs in process, so the value flows with the request into the PDP call.</remarks>
internal sealed class AttributingPdp(IAuthZenPdp inner) : IAuthZenPdp
{
    private static readonly AsyncLocal<string?> Current = new();
    private readonly ConcurrentQueue<PdpCall> calls = new();

    /// <summary>Gets or sets the gateway request id of the calls made from here on in this async flow.</summary>
    public static string? CurrentRequestId
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Returns the calls made for the gateway request <paramref name="requestId"/>, in order.</summary>
    public IReadOnlyList<PdpCall> CallsFor(string requestId) => [.. calls.Where(c => c.RequestId == requestId)];

    public ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        calls.Enqueue(new PdpCall(CurrentRequestId, PdpCallKind.Evaluation, JsonNode.Parse(JsonSerializer.Serialize(request, AuthZenJsonContext.Default.EvaluationRequest))!.AsObject()));
        return inner.EvaluateAsync(request, cancellationToken);
    }

    public ValueTask<EvaluationsResponse> EvaluationsAsync(EvaluationsRequest request, CancellationToken cancellationToken = default)
    {
        calls.Enqueue(new PdpCall(CurrentRequestId, PdpCallKind.Evaluations, JsonNode.Parse(JsonSerializer.Serialize(request, AuthZenJsonContext.Default.EvaluationsRequest))!.AsObject()));
        return inner.EvaluationsAsync(request, cancellationToken);
    }

    public ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchSubjectsAsync(request, cancellationToken);

    public ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchResourcesAsync(request, cancellationToken);

    public ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchActionsAsync(request, cancellationToken);
}
