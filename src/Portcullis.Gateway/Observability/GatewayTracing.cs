using System.Diagnostics;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Observability;

/// <summary>The gateway's <see cref="ActivitySource"/> (<see cref="SourceName"/>) and the tags its stage activities carry:
/// route, request id, decision, reason and cache hit. Never a token, claim or header value.</summary>
internal static class GatewayTracing
{
    /// <summary>The activity source's name.</summary>
    public const string SourceName = GatewayMetrics.MeterName;

    /// <summary>The activity of the authentication stage.</summary>
    public const string Authenticate = "authenticate";

    /// <summary>The activity of the decision stage.</summary>
    public const string Decide = "decide";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Tags <paramref name="activity"/> with what the stage established so far and stops it.</summary>
    public static void Stop(Activity activity, GatewayFeature? feature)
    {
        if (feature is not null)
        {
            activity.SetTag("portcullis.request_id", feature.RequestId);
            activity.SetTag("portcullis.route", feature.Route?.Config.Id);
            if (feature.Outcome != GatewayOutcome.None)
            {
                activity.SetTag("portcullis.decision", DecisionNames.Of(feature));
                activity.SetTag("portcullis.reason", feature.Reason);
            }
            if (activity.OperationName == Decide) activity.SetTag("portcullis.cache_hit", feature.CacheHit);
            if (feature.Outcome is GatewayOutcome.Unavailable) activity.SetStatus(ActivityStatusCode.Error);
        }
        activity.Stop();
    }
}
