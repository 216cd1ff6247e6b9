using Portcullis.AuthZen;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

/// <summary>A test double of <see cref="IAuthZenPdp"/> for one class's unit tests: counts calls, records the last
/// batch, and decides each item with <see cref="Decide"/> (or throws <see cref="Failure"/>).</summary>
internal sealed class CountingPdp : IAuthZenPdp
{
    public int EvaluateCalls { get; private set; }

    public int EvaluationsCalls { get; private set; }

    public EvaluationsRequest? LastRequest { get; private set; }

    /// <summary>Gets or sets the decision of an item (resource id in hand). Defaults to allow all.</summary>
    public Func<EvaluationItem, bool> Decide { get; set; } = _ => true;

    /// <summary>Gets or sets an exception every call throws, or null.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Gets or sets how many decisions to leave off the answer (a PDP answering the wrong count).</summary>
    public int Missing { get; set; }

    public ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        EvaluateCalls++;
        throw new InvalidOperationException("the list filter must not decide items one by one");
    }

    public ValueTask<EvaluationsResponse> EvaluationsAsync(EvaluationsRequest request, CancellationToken cancellationToken = default)
    {
        EvaluationsCalls++;
        LastRequest = request;
        if (Failure is not null) throw Failure;
        var items = request.Evaluations ?? [];
        var decisions = items.Take(items.Count - Missing).Select(i => Decide(i) ? EvaluationResponse.Permit : EvaluationResponse.Deny).ToList();
        return ValueTask.FromResult(new EvaluationsResponse { Evaluations = decisions });
    }

    public ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
