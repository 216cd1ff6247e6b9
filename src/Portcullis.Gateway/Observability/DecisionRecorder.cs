using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Observability;

/// <summary>Hands every record to the metrics and then to every registered <see cref="IDecisionRecordSink"/>. A sink
/// that throws does not break the request or starve the other sinks: its failures are counted, and logged once.</summary>
internal sealed class DecisionRecorder
{
    private readonly IDecisionRecordSink[] sinks;
    private readonly int[] failureLogged;
    private readonly GatewayMetrics metrics;
    private readonly ILogger logger;

    public DecisionRecorder(IEnumerable<IDecisionRecordSink> sinks, GatewayMetrics metrics, ILogger<DecisionRecorder> logger)
    {
        this.sinks = [.. sinks];
        failureLogged = new int[this.sinks.Length];
        this.metrics = metrics;
        this.logger = logger;
    }

    /// <summary>Records <paramref name="record"/>; <paramref name="cacheLookup"/> says whether the decision cache was consulted.</summary>
    public void Write(DecisionRecord record, bool cacheLookup)
    {
        metrics.Record(record, cacheLookup);
        for (var i = 0; i < sinks.Length; i++)
        {
            try
            {
                sinks[i].Write(record);
            }
#pragma warning disable CA1031 // A sink is user code: whatever it throws must not reach the request.
            catch (Exception e)
#pragma warning restore CA1031
            {
                metrics.SinkFailed();
                if (Interlocked.Exchange(ref failureLogged[i], 1) == 0) ObservabilityLog.SinkFailed(logger, sinks[i].GetType().Name, e);
            }
        }
    }
}
