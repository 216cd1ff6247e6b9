using Portcullis.AuthZen.Evaluations;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen;

/// <summary>
/// A Policy Decision Point speaking AuthZEN: the embedded PDP implements it in process, an HTTP client implements it
/// for remote PDPs, and the server endpoints expose any implementation over HTTP.
/// </summary>
/// <remarks>Requests reaching these methods are already validated (required fields present). Expected outcomes,
/// including per-item problems in a batch, are values; exceptions mean the PDP itself failed.</remarks>
public interface IAuthZenPdp
{
    /// <summary>Decides one request.</summary>
    ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Decides an Access Evaluations request (one or more items): one decision per item, in order, fewer when
    /// <c>evaluations_semantic</c> short-circuits.</summary>
    /// <remarks>AuthZEN 1.0 §7. The default runs the items through <see cref="EvaluateAsync"/> in process
    /// (<see cref="EvaluationsExecutor"/>), which suits an embedded PDP; a remote client overrides it to send one
    /// request to the Access Evaluations endpoint.</remarks>
    ValueTask<EvaluationsResponse> EvaluationsAsync(EvaluationsRequest request, CancellationToken cancellationToken = default) =>
        EvaluationsExecutor.ExecuteAsync(this, request, cancellationToken);

    /// <summary>Returns every subject of <c>request.Subject.Type</c> that may perform the action on the resource, in a stable order.</summary>
    ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns every resource of <c>request.Resource.Type</c> on which the subject may perform the action, in a stable order.</summary>
    ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns every action the subject may perform on the resource, in a stable order.</summary>
    ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default);
}
