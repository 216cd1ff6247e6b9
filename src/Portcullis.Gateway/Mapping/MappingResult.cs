using System.Diagnostics.CodeAnalysis;
using Portcullis.AuthZen.Model;

namespace Portcullis.Gateway.Mapping;

/// <summary>The AuthZEN request for a gateway request, or why there is none.</summary>
/// <remarks>A failure is the caller's or the configuration's problem, not the PDP's: the gateway denies it (403,
/// reason <see cref="MappingFailure.Reason"/>) whatever the route's failure mode — fail-open covers only an
/// unavailable PDP — and never forwards the request.</remarks>
public readonly record struct MappingResult
{
    private MappingResult(EvaluationRequest? request, MappingFailure? failure)
    {
        Request = request;
        Failure = failure;
    }

    /// <summary>Gets the evaluation request when the mapping succeeded.</summary>
    public EvaluationRequest? Request { get; }

    /// <summary>Gets the failure when the mapping failed.</summary>
    public MappingFailure? Failure { get; }

    /// <summary>Gets a value indicating whether <see cref="Request"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Request is not null;

    /// <summary>Returns a success.</summary>
    public static MappingResult Success(EvaluationRequest request) => new(request ?? throw new ArgumentNullException(nameof(request)), null);

    /// <summary>Returns a failure.</summary>
    public static MappingResult Failed(string path, string message) => new(null, new MappingFailure(path, message));
}
