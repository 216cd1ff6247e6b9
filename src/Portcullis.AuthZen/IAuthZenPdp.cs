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

    /// <summary>Returns every subject of <c>request.Subject.Type</c> that may perform the action on the resource, in a stable order.</summary>
    ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns every resource of <c>request.Resource.Type</c> on which the subject may perform the action, in a stable order.</summary>
    ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns every action the subject may perform on the resource, in a stable order.</summary>
    ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default);
}
