using System.Text.Json;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>Finds decision records in what <c>portcullis serve</c> printed: one JSON object per stdout line, written
/// by a background writer after the response, so a test waits for the one it needs.</summary>
internal static class DecisionRecordLines
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Waits (at most 10 s) for the record whose <c>request_id</c> is <paramref name="requestId"/> and returns
    /// it with its line; throws with the output when it does not come.</summary>
    public static async Task<(JsonElement Record, string Line)> WaitForAsync(PortcullisGatewayProcess gateway, string requestId)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            foreach (var line in gateway.Output.Split('\n'))
            {
                if (!line.StartsWith('{') || !line.Contains(requestId, StringComparison.Ordinal)) continue;
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("request_id", out var id) && id.GetString() == requestId)
                {
                    return (document.RootElement.Clone(), line);
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No decision record for {requestId} within {Wait.TotalSeconds} s:\n{gateway.Output}");
            await Task.Delay(100);
        }
    }
}
