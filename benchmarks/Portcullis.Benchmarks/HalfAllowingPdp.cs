using Portcullis.AuthZen;
using Portcullis.AuthZen.Model;

namespace Portcullis.Benchmarks;

/// <summary>An in-process PDP without a policy engine that permits every other item of a batch: isolates the list
/// filter's own cost in <see cref="ListFilterBenchmarks"/>.</summary>
internal sealed class HalfAllowingPdp : IAuthZenPdp
{
    public ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(EvaluationResponse.Deny);

    public ValueTask<EvaluationsResponse> EvaluationsAsync(EvaluationsRequest request, CancellationToken cancellationToken = default)
    {
        var count = request.Evaluations?.Count ?? 0;
        var decisions = new EvaluationResponse[count];
        for (var i = 0; i < count; i++) decisions[i] = i % 2 == 0 ? EvaluationResponse.Permit : EvaluationResponse.Deny;
        return ValueTask.FromResult(new EvaluationsResponse { Evaluations = decisions });
    }

    public ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
