using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portcullis.AuthZen.Server;

/// <summary>Maps the AuthZEN 1.0 HTTPS binding onto the <see cref="IAuthZenPdp"/> registered in DI.</summary>
public static class AuthZenEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /access/v1/evaluation</c>, <c>/access/v1/evaluations</c>, <c>/access/v1/search/subject</c>,
    /// <c>/access/v1/search/resource</c>, <c>/access/v1/search/action</c> and <c>GET /.well-known/authzen-configuration</c>.</summary>
    /// <param name="endpoints">The application's endpoint route builder.</param>
    /// <returns>A builder for conventions (authorization, rate limiting...) applying to all six endpoints.</returns>
    /// <exception cref="InvalidOperationException"><c>AddAuthZenServer</c> was not called, no <see cref="IAuthZenPdp"/>
    /// is registered, or the options are invalid (every problem is listed).</exception>
    /// <remarks>AuthZEN 1.0, "Transport" and "Policy Decision Point Metadata".</remarks>
    public static RouteGroupBuilder MapAuthZen(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<AuthZenServerMarker>() is null)
        {
            throw new InvalidOperationException(
                "MapAuthZen needs the AuthZEN server services: call services.AddAuthZenServer() when configuring services.");
        }

        if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(IAuthZenPdp)))
        {
            throw new InvalidOperationException(
                $"MapAuthZen needs an {nameof(IAuthZenPdp)} to decide: register one in the service collection.");
        }

        var options = services.GetRequiredService<IOptions<AuthZenServerOptions>>().Value;
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Invalid {nameof(AuthZenServerOptions)}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Portcullis.AuthZen.Server");
        var handlers = new AuthZenEndpointHandlers(options, logger);
        var group = endpoints.MapGroup("");
        group.MapPost(AuthZenPaths.Evaluation, (RequestDelegate)handlers.EvaluationAsync);
        group.MapPost(AuthZenPaths.Evaluations, (RequestDelegate)handlers.EvaluationsAsync);
        group.MapPost(AuthZenPaths.SearchSubject, (RequestDelegate)handlers.SubjectSearchAsync);
        group.MapPost(AuthZenPaths.SearchResource, (RequestDelegate)handlers.ResourceSearchAsync);
        group.MapPost(AuthZenPaths.SearchAction, (RequestDelegate)handlers.ActionSearchAsync);
        group.MapGet(AuthZenPaths.Metadata, (RequestDelegate)handlers.MetadataAsync);
        return group;
    }
}
