using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen.Evaluations;
using Portcullis.AuthZen.Model;
using Portcullis.AuthZen.Paging;
using Portcullis.AuthZen.Validation;

namespace Portcullis.AuthZen.Server;

/// <summary>The request delegates behind the AuthZEN endpoints: read, validate, decide, shape, write.</summary>
internal sealed class AuthZenEndpointHandlers(AuthZenServerOptions options, ILogger logger)
{
    private const string RequestIdHeader = "X-Request-ID";

    public Task EvaluationAsync(HttpContext context) => ServeAsync(context, static (self, c, pdp) => self.EvaluationCoreAsync(c, pdp));

    public Task EvaluationsAsync(HttpContext context) => ServeAsync(context, static (self, c, pdp) => self.EvaluationsCoreAsync(c, pdp));

    public Task SubjectSearchAsync(HttpContext context) => ServeAsync(context, static (self, c, pdp) => self.SearchCoreAsync(c, pdp, SearchKind.Subject));

    public Task ResourceSearchAsync(HttpContext context) => ServeAsync(context, static (self, c, pdp) => self.SearchCoreAsync(c, pdp, SearchKind.Resource));

    public Task ActionSearchAsync(HttpContext context) => ServeAsync(context, static (self, c, pdp) => self.SearchCoreAsync(c, pdp, SearchKind.Action));

    public Task MetadataAsync(HttpContext context)
    {
        EchoRequestId(context);
        var request = context.Request;
        var baseUrl = options.PolicyDecisionPoint?.AbsoluteUri.TrimEnd('/')
            ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
        var metadata = new PdpMetadata
        {
            PolicyDecisionPoint = baseUrl,
            AccessEvaluationEndpoint = baseUrl + AuthZenPaths.Evaluation,
            AccessEvaluationsEndpoint = baseUrl + AuthZenPaths.Evaluations,
            SearchSubjectEndpoint = baseUrl + AuthZenPaths.SearchSubject,
            SearchResourceEndpoint = baseUrl + AuthZenPaths.SearchResource,
            SearchActionEndpoint = baseUrl + AuthZenPaths.SearchAction,
        };
        return JsonResponseWriter.WriteAsync(context, StatusCodes.Status200OK, metadata, AuthZenJsonContext.Default.PdpMetadata).AsTask();
    }

    private async Task ServeAsync(HttpContext context, Func<AuthZenEndpointHandlers, HttpContext, IAuthZenPdp, ValueTask> core)
    {
        EchoRequestId(context);
        try
        {
            await core(this, context, context.RequestServices.GetRequiredService<IAuthZenPdp>()).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever fails once the caller has gone (cancellation, connection reset) has nobody to answer.
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            // The caller went away; nobody is left to answer.
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own limits and malformed framing (e.g. a broken chunked body).
            var status = exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : StatusCodes.Status400BadRequest;
            await RejectAsync(context, status, status == StatusCodes.Status413PayloadTooLarge
                ? RequestBodyReader.TooLargeError
                : "request body could not be read").ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failing PDP must become a generic 500, never a stack trace or a dropped connection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            AuthZenServerLog.RequestFailed(logger, context.Request.Path, exception);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                EchoRequestId(context);
                await JsonResponseWriter.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "internal error").ConfigureAwait(false);
            }
        }
    }

    private async ValueTask EvaluationCoreAsync(HttpContext context, IAuthZenPdp pdp)
    {
        var body = await RequestBodyReader.ReadAsync(context, AuthZenJsonContext.Default.EvaluationRequest, options.MaxRequestBodySize).ConfigureAwait(false);
        if (body.Value is not { } request)
        {
            await RejectAsync(context, body.Status, body.Error!).ConfigureAwait(false);
            return;
        }

        if (AuthZenRequestValidator.ValidateEvaluation(request) is { } error)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
            return;
        }

        var decision = EvaluationsExecutor.Shape(await pdp.EvaluateAsync(request, context.RequestAborted).ConfigureAwait(false));
        await JsonResponseWriter.WriteAsync(context, StatusCodes.Status200OK, decision, AuthZenJsonContext.Default.EvaluationResponse).ConfigureAwait(false);
    }

    private async ValueTask EvaluationsCoreAsync(HttpContext context, IAuthZenPdp pdp)
    {
        var body = await RequestBodyReader.ReadAsync(context, AuthZenJsonContext.Default.EvaluationsRequest, options.MaxRequestBodySize).ConfigureAwait(false);
        if (body.Value is not { } request)
        {
            await RejectAsync(context, body.Status, body.Error!).ConfigureAwait(false);
            return;
        }

        if (AuthZenRequestValidator.ValidateEvaluations(request) is { } error)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
            return;
        }

        if (request.Evaluations is not { Count: > 0 })
        {
            // AuthZEN 1.0: without (or with an empty) evaluations array the request is a single evaluation, answered
            // as one.
            var single = EvaluationsExecutor.Merge(request, item: null);
            if (AuthZenRequestValidator.ValidateEvaluation(single) is { } singleError)
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, singleError).ConfigureAwait(false);
                return;
            }

            var decision = EvaluationsExecutor.Shape(await pdp.EvaluateAsync(single, context.RequestAborted).ConfigureAwait(false));
            await JsonResponseWriter.WriteAsync(context, StatusCodes.Status200OK, decision, AuthZenJsonContext.Default.EvaluationResponse).ConfigureAwait(false);
            return;
        }

        var decisions = await EvaluationsExecutor.ExecuteAsync(pdp, request, context.RequestAborted).ConfigureAwait(false);
        await JsonResponseWriter.WriteAsync(context, StatusCodes.Status200OK, decisions, AuthZenJsonContext.Default.EvaluationsResponse).ConfigureAwait(false);
    }

    private async ValueTask SearchCoreAsync(HttpContext context, IAuthZenPdp pdp, SearchKind kind)
    {
        var body = await RequestBodyReader.ReadAsync(context, AuthZenJsonContext.Default.SearchRequest, options.MaxRequestBodySize).ConfigureAwait(false);
        if (body.Value is not { } request)
        {
            await RejectAsync(context, body.Status, body.Error!).ConfigureAwait(false);
            return;
        }

        var error = kind switch
        {
            SearchKind.Subject => AuthZenRequestValidator.ValidateSubjectSearch(request),
            SearchKind.Resource => AuthZenRequestValidator.ValidateResourceSearch(request),
            _ => AuthZenRequestValidator.ValidateActionSearch(request),
        };
        if (error is not null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
            return;
        }

        var normalized = SearchShaping.Normalize(kind, request);
        if (!SearchPager.TryPlan(kind, normalized, request.Page, options.DefaultPageSize, options.MaxPageSize, out var plan, out var pageError))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, pageError!).ConfigureAwait(false);
            return;
        }

        var ct = context.RequestAborted;
        switch (kind)
        {
            case SearchKind.Subject:
                var subjects = SearchShaping.Page(await pdp.SearchSubjectsAsync(normalized, ct).ConfigureAwait(false), plan, SearchShaping.Subject);
                await JsonResponseWriter.WriteAsync(context, StatusCodes.Status200OK, subjects, AuthZenJsonContext.Default.SearchResponseSubject).ConfigureAwait(false);
                break;
            case SearchKind.Resource:
                var resources = SearchShaping.Page(await pdp.SearchResourcesAsync(normalized, ct).ConfigureAwait(false), plan, SearchShaping.Resource);
                await JsonResponseWriter.WriteAsync(context, StatusCodes.Status200OK, resources, AuthZenJsonContext.Default.SearchResponseResource).ConfigureAwait(false);
                break;
            default:
                var actions = SearchShaping.Page(await pdp.SearchActionsAsync(normalized, ct).ConfigureAwait(false), plan, SearchShaping.Action);
                await JsonResponseWriter.WriteAsync(context, StatusCodes.Status200OK, actions, AuthZenJsonContext.Default.SearchResponseAccessAction).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask RejectAsync(HttpContext context, int status, string message)
    {
        AuthZenServerLog.Rejected(logger, context.Request.Path, status, message);
        await JsonResponseWriter.WriteErrorAsync(context, status, message).ConfigureAwait(false);
    }

    private static void EchoRequestId(HttpContext context)
    {
        // AuthZEN 1.0 "Request Identification": the PEP generates the identifier; the PDP returns the same one.
        if (context.Request.Headers.TryGetValue(RequestIdHeader, out var requestId))
        {
            context.Response.Headers[RequestIdHeader] = requestId;
        }
    }
}
