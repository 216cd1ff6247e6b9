using System.Collections.Concurrent;
using Portcullis.Gateway.Observability;

namespace Portcullis.Gateway.Tests.Observability;

/// <summary>An <see cref="IDecisionRecordSink"/> registered in the gateway's DI that keeps every record, so a test can
/// wait for the record of its request (records are written after the response, possibly after the client has it).</summary>
public sealed class RecordCollector : IDecisionRecordSink
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<DecisionRecord> records = new();
    private readonly SemaphoreSlim written = new(0);

    public IEnumerable<DecisionRecord> All => records;

    public void Write(DecisionRecord record)
    {
        records.Enqueue(record);
        written.Release();
    }

    /// <summary>Waits for the record with <paramref name="requestId"/>; fails the test if none comes.</summary>
    public async Task<DecisionRecord> WaitForAsync(string requestId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (records.FirstOrDefault(r => r.RequestId == requestId) is { } found) return found;
            try
            {
                await written.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no decision record for request {requestId}");
            }
        }
    }

    public int CountOf(string requestId) => records.Count(r => r.RequestId == requestId);
}
