using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Observability;

/// <summary>Runs a gateway stage inside an activity of <see cref="GatewayTracing.Source"/> that ends when the stage hands
/// the request on or answers it itself, so the activity measures the stage alone, not the stages after it.</summary>
/// <remarks>Costs one check when no one listens to the source: the stage's own task is returned as is, with no
/// activity and no extra state machine.</remarks>
internal static class TracedStage
{
    /// <summary>Adds middleware <typeparamref name="TStage"/> to <paramref name="app"/> wrapped in an activity named
    /// <paramref name="activityName"/>; when <paramref name="appliesTo"/> is given, requests it rejects skip the stage
    /// (and get no activity).</summary>
    public static IApplicationBuilder UseTracedStage<TStage>(this IApplicationBuilder app, string activityName, Func<HttpContext, bool>? appliesTo = null)
    {
        app.Use(next =>
        {
            var inner = new ApplicationBuilder(app.ApplicationServices);
            inner.UseMiddleware<TStage>();
            inner.Run(context =>
            {
                // The stage hands on: its activity ends here, and the next stages run under the parent again.
                if (GatewayTracing.Source.HasListeners() && Activity.Current is { } current && current.Source == GatewayTracing.Source && current.OperationName == activityName)
                {
                    GatewayTracing.Stop(current, context.Features.Get<GatewayFeature>());
                }
                return next(context);
            });
            var stage = inner.Build();
            return context => appliesTo is not null && !appliesTo(context) ? next(context)
                : GatewayTracing.Source.HasListeners() ? TracedAsync(stage, context, activityName) : stage(context);
        });
        return app;
    }

    private static async Task TracedAsync(RequestDelegate stage, HttpContext context, string activityName)
    {
        var activity = GatewayTracing.Source.StartActivity(activityName);
        if (activity is null)
        {
            await stage(context).ConfigureAwait(false);
            return;
        }
        try
        {
            await stage(context).ConfigureAwait(false);
        }
        finally
        {
            if (!activity.IsStopped) GatewayTracing.Stop(activity, context.Features.Get<GatewayFeature>());
        }
    }
}
