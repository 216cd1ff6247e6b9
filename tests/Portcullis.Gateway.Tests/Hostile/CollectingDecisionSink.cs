using System.Collections.Concurrent;
using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>A decision record sink that keeps every record, so a test can check each request left exactly one.</summary>
internal sealed class CollectingDecisionSink : IDecisionRecordSink
{
    private readonly ConcurrentQueue<DecisionRecord> records = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> arrivals = new(StringComparer.Ordinal);

    public void Write(DecisionRecord record)
    {
        records.Enqueue(record);
        Arrival(record.RequestId).TrySetResult();
    }

    /// <summary>Returns the records of <paramref name="requestId"/> once the first has arrived (records are written
    /// after the response, so they may trail it), or none if none arrives within <paramref name="patience"/>.</summary>
    public async Task<IReadOnlyList<DecisionRecord>> RecordsForAsync(string requestId, TimeSpan patience)
    {
        try
        {
            await Arrival(requestId).Task.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            // Reported by the caller's assertion on the (empty) list.
        }
        return [.. records.Where(r => r.RequestId == requestId)];
    }

    private TaskCompletionSource Arrival(string requestId) =>
        arrivals.GetOrAdd(requestId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
