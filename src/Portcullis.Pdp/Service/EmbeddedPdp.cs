using Portcullis.AuthZen;
using Portcullis.AuthZen.Model;
using Portcullis.Pdp.Engine;
using Portcullis.Pdp.Mapping;

namespace Portcullis.Pdp.Service;

/// <summary>
/// The embedded AuthZEN PDP: maps each request (see <see cref="AuthZenMapper"/>) and asks the policies. Every call
/// works on one <see cref="PdpSnapshot"/> from start to end, so a reload never mixes old and new policies in an answer.
/// </summary>
/// <remarks>Anything that cannot be mapped is a deny (fail closed). With <c>options.reasons</c> set, a decision
/// carries <c>{"reason": {"policy", "rule"}, "errors": [...]}</c> in its context; otherwise it is the bare
/// <see cref="EvaluationResponse.Permit"/> or <see cref="EvaluationResponse.Deny"/>. Searches try the directory's
/// entities of the searched type, in directory order, each as the directory describes it (properties on the searched
/// entity in the request are ignored), with the other entities of the request mapped as for an evaluation. Action
/// search tries the actions the policies name for the resource's kind, in policy order.</remarks>
public sealed class EmbeddedPdp : IAuthZenPdp
{
    private PdpSnapshot _snapshot;

    /// <summary>Creates a PDP answering from <paramref name="snapshot"/>.</summary>
    public EmbeddedPdp(PdpSnapshot snapshot) => _snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));

    /// <summary>Gets the snapshot that new calls use.</summary>
    public PdpSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Swaps in <paramref name="snapshot"/> atomically; calls under way finish on the previous one.</summary>
    public void Replace(PdpSnapshot snapshot) =>
        Volatile.Write(ref _snapshot, snapshot ?? throw new ArgumentNullException(nameof(snapshot)));

    /// <inheritdoc />
    public ValueTask<EvaluationResponse> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = Snapshot;
        var reasons = request.Options?.Reasons == true;
        if (!AuthZenMapper.TryMap(snapshot.Directory, request.Subject, request.Action, request.Resource, request.Context, out var input, out var error))
        {
            return ValueTask.FromResult(reasons
                ? new EvaluationResponse { Decision = false, Context = ReasonsContext.ForMappingError(error) }
                : EvaluationResponse.Deny);
        }
        var decision = snapshot.Policies.Check(input);
        if (reasons) return ValueTask.FromResult(new EvaluationResponse { Decision = decision.Allowed, Context = ReasonsContext.For(decision) });
        return ValueTask.FromResult(decision.Allowed ? EvaluationResponse.Permit : EvaluationResponse.Deny);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Subject>> SearchSubjectsAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = Snapshot;
        var results = new List<Subject>();
        var type = request.Subject?.Type;
        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(request.Action?.Name)
            || !AuthZenMapper.TryMapResource(snapshot.Directory, request.Resource, out var resource, out _)
            || !AuthZenMapper.TryMapContext(request.Context, out var context, out _))
        {
            return ValueTask.FromResult<IReadOnlyList<Subject>>(results);
        }
        foreach (var candidate in snapshot.Directory.Subjects(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var subject = new Subject { Type = candidate.Type, Id = candidate.Id };
            if (!AuthZenMapper.TryMapPrincipal(snapshot.Directory, subject, out var principal, out _)) break;
            if (snapshot.Policies.Check(new CheckInput(principal, resource, request.Action!.Name!, context)).Allowed)
            {
                results.Add(new Subject { Type = candidate.Type, Id = candidate.Id });
            }
        }
        return ValueTask.FromResult<IReadOnlyList<Subject>>(results);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Resource>> SearchResourcesAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = Snapshot;
        var results = new List<Resource>();
        var type = request.Resource?.Type;
        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(request.Action?.Name)
            || !AuthZenMapper.TryMapPrincipal(snapshot.Directory, request.Subject, out var principal, out _)
            || !AuthZenMapper.TryMapContext(request.Context, out var context, out _))
        {
            return ValueTask.FromResult<IReadOnlyList<Resource>>(results);
        }
        foreach (var candidate in snapshot.Directory.Resources(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var requested = new Resource { Type = candidate.Type, Id = candidate.Id };
            if (!AuthZenMapper.TryMapResource(snapshot.Directory, requested, out var resource, out _)) break;
            if (snapshot.Policies.Check(new CheckInput(principal, resource, request.Action!.Name!, context)).Allowed)
            {
                results.Add(new Resource { Type = candidate.Type, Id = candidate.Id });
            }
        }
        return ValueTask.FromResult<IReadOnlyList<Resource>>(results);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AccessAction>> SearchActionsAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = Snapshot;
        var results = new List<AccessAction>();
        if (!AuthZenMapper.TryMapPrincipal(snapshot.Directory, request.Subject, out var principal, out _)
            || !AuthZenMapper.TryMapResource(snapshot.Directory, request.Resource, out var resource, out _)
            || !AuthZenMapper.TryMapContext(request.Context, out var context, out _))
        {
            return ValueTask.FromResult<IReadOnlyList<AccessAction>>(results);
        }
        foreach (var action in snapshot.Policies.ActionsFor(resource.Kind))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (snapshot.Policies.Check(new CheckInput(principal, resource, action, context)).Allowed)
            {
                results.Add(new AccessAction { Name = action });
            }
        }
        return ValueTask.FromResult<IReadOnlyList<AccessAction>>(results);
    }
}
