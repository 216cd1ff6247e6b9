using System.Text.Json;
using Portcullis.AuthZen.Model;
using Portcullis.AuthZen.Protocol;
using Portcullis.AuthZen.Validation;

namespace Portcullis.AuthZen.Evaluations;

/// <summary>Runs an Access Evaluations request against a PDP: merges the top-level defaults into each item,
/// validates each item on its own, applies the evaluations semantic and shapes each decision.</summary>
/// <remarks>AuthZEN 1.0, "Access Evaluations API". A failed item is a deny whose context carries
/// <c>{"error": {"status": 400, "message": ...}}</c>; the call itself still succeeds.</remarks>
public static class EvaluationsExecutor
{
    /// <summary>Parses <c>options.evaluations_semantic</c>; null means the default, <c>execute_all</c>.</summary>
    public static bool TryParseSemantic(string? value, out EvaluationsSemantic semantic)
    {
        switch (value)
        {
            case null or "execute_all":
                semantic = EvaluationsSemantic.ExecuteAll;
                return true;
            case "deny_on_first_deny":
                semantic = EvaluationsSemantic.DenyOnFirstDeny;
                return true;
            case "permit_on_first_permit":
                semantic = EvaluationsSemantic.PermitOnFirstPermit;
                return true;
            default:
                semantic = default;
                return false;
        }
    }

    /// <summary>Builds the evaluation an item stands for: each of its members wins over the top-level default.</summary>
    /// <remarks>Members are replaced whole, never merged field by field, as "Default values" describes.</remarks>
    public static EvaluationRequest Merge(EvaluationsRequest request, EvaluationItem? item)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new EvaluationRequest
        {
            Subject = item?.Subject ?? request.Subject,
            Action = item?.Action ?? request.Action,
            Resource = item?.Resource ?? request.Resource,
            Context = item?.Context ?? request.Context,
            Options = request.Options,
        };
    }

    /// <summary>Decides every item of <paramref name="request"/> (which must have at least one) in order.</summary>
    /// <param name="pdp">The PDP that decides each valid item.</param>
    /// <param name="request">A request whose whole-request checks (<see cref="AuthZenRequestValidator.ValidateEvaluations"/>) passed.</param>
    /// <param name="cancellationToken">Cancels the remaining evaluations.</param>
    /// <returns>The decisions, truncated after the deciding item when the semantic short-circuits.</returns>
    /// <exception cref="ArgumentException">The semantic is unknown or there are no items.</exception>
    public static async ValueTask<EvaluationsResponse> ExecuteAsync(
        IAuthZenPdp pdp, EvaluationsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdp);
        ArgumentNullException.ThrowIfNull(request);
        var items = request.Evaluations;
        if (items is not { Count: > 0 })
        {
            throw new ArgumentException("The request has no evaluations.", nameof(request));
        }

        if (!TryParseSemantic(request.Options?.EvaluationsSemantic, out var semantic))
        {
            throw new ArgumentException("The evaluations semantic is unknown.", nameof(request));
        }

        var decisions = new List<EvaluationResponse>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var decision = await DecideAsync(pdp, request, items[i], cancellationToken).ConfigureAwait(false);
            decisions.Add(decision);
            if ((semantic == EvaluationsSemantic.DenyOnFirstDeny && !decision.Decision) ||
                (semantic == EvaluationsSemantic.PermitOnFirstPermit && decision.Decision))
            {
                break;
            }
        }

        return new EvaluationsResponse { Evaluations = decisions };
    }

    /// <summary>Keeps only what the AuthZEN decision carries: <c>decision</c>, and <c>context</c> when it is an object.</summary>
    public static EvaluationResponse Shape(EvaluationResponse? response)
    {
        if (response is null)
        {
            // A PDP that answers nothing has not permitted anything.
            return EvaluationResponse.Deny;
        }

        if (response.Context is not { } context)
        {
            return response.Decision ? EvaluationResponse.Permit : EvaluationResponse.Deny;
        }

        return context.ValueKind == JsonValueKind.Object
            ? response
            : new EvaluationResponse { Decision = response.Decision };
    }

    /// <summary>Returns a deny whose context carries the error, as the evaluations "Errors" section shows.</summary>
    public static EvaluationResponse Failed(int status, string message) => new()
    {
        Decision = false,
        Context = JsonSerializer.SerializeToElement(
            new AuthZenErrorBody { Error = new AuthZenError { Status = status, Message = message } },
            AuthZenJsonContext.Default.AuthZenErrorBody),
    };

    private static async ValueTask<EvaluationResponse> DecideAsync(
        IAuthZenPdp pdp, EvaluationsRequest request, EvaluationItem? item, CancellationToken cancellationToken)
    {
        if (item is null)
        {
            return Failed(400, "evaluation item must be an object");
        }

        var evaluation = Merge(request, item);
        if (AuthZenRequestValidator.ValidateEvaluation(evaluation) is { } error)
        {
            return Failed(400, error);
        }

        return Shape(await pdp.EvaluateAsync(evaluation, cancellationToken).ConfigureAwait(false));
    }
}
