using System.Text.Json;
using Portcullis.AuthZen.Evaluations;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Validation;

/// <summary>Checks the fields AuthZEN requires; each method returns null when valid, else a message naming the field.</summary>
/// <remarks>AuthZEN 1.0, "Information Model", "Access Evaluation API", "Search APIs". Required strings must also be
/// non-empty: an empty identifier names nothing and would only ever be denied.</remarks>
public static class AuthZenRequestValidator
{
    /// <summary>Validates an Access Evaluation request (also each merged item of an evaluations request).</summary>
    public static string? ValidateEvaluation(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Subject(request.Subject, requireId: true)
            ?? Action(request.Action)
            ?? Resource(request.Resource, requireId: true)
            ?? OptionalObject(request.Context, "context");
    }

    /// <summary>Validates what concerns an Access Evaluations request as a whole: the context and the semantic.
    /// Items are validated one by one after defaults are merged (see <see cref="EvaluationsExecutor"/>).</summary>
    public static string? ValidateEvaluations(EvaluationsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!EvaluationsExecutor.TryParseSemantic(request.Options?.EvaluationsSemantic, out _))
        {
            return "options.evaluations_semantic must be one of execute_all, deny_on_first_deny, permit_on_first_permit";
        }

        return OptionalObject(request.Context, "context");
    }

    /// <summary>Validates a Subject Search request: <c>subject.type</c>, the action and the resource are required.</summary>
    public static string? ValidateSubjectSearch(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Subject(request.Subject, requireId: false)
            ?? Action(request.Action)
            ?? Resource(request.Resource, requireId: true)
            ?? Search(request);
    }

    /// <summary>Validates a Resource Search request: the subject, the action and <c>resource.type</c> are required.</summary>
    public static string? ValidateResourceSearch(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Subject(request.Subject, requireId: true)
            ?? Action(request.Action)
            ?? Resource(request.Resource, requireId: false)
            ?? Search(request);
    }

    /// <summary>Validates an Action Search request: the subject and the resource are required; an action is ignored.</summary>
    public static string? ValidateActionSearch(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Subject(request.Subject, requireId: true)
            ?? Resource(request.Resource, requireId: true)
            ?? Search(request);
    }

    private static string? Search(SearchRequest request) =>
        OptionalObject(request.Context, "context")
        ?? (request.Page?.Limit < 0 ? "page.limit must be a non-negative integer" : null);

    private static string? Subject(Subject? subject, bool requireId) =>
        subject is null
            ? "subject is required"
            : RequiredString(subject.Type, "subject.type")
              ?? (requireId ? RequiredString(subject.Id, "subject.id") : null)
              ?? OptionalObject(subject.Properties, "subject.properties");

    private static string? Resource(Resource? resource, bool requireId) =>
        resource is null
            ? "resource is required"
            : RequiredString(resource.Type, "resource.type")
              ?? (requireId ? RequiredString(resource.Id, "resource.id") : null)
              ?? OptionalObject(resource.Properties, "resource.properties");

    private static string? Action(AccessAction? action) =>
        action is null
            ? "action is required"
            : RequiredString(action.Name, "action.name") ?? OptionalObject(action.Properties, "action.properties");

    private static string? RequiredString(string? value, string field) => value switch
    {
        null => $"{field} is required",
        "" => $"{field} must be a non-empty string",
        _ => null,
    };

    private static string? OptionalObject(JsonElement? value, string field) =>
        value is { ValueKind: not JsonValueKind.Object } ? $"{field} must be an object" : null;
}
