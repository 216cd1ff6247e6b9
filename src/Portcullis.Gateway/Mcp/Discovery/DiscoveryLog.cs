using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>Log messages of per-caller discovery and declared-mapping learning (event ids 456x).</summary>
internal static partial class DiscoveryLog
{
    [LoggerMessage(EventId = 4560, Level = LogLevel.Warning, Message = "Upstream {UpstreamId}: tool {Tool} declares an x-authzen-mapping that cannot be used ({Problem}); calls to it are refused as mapping errors")]
    public static partial void InvalidMapping(ILogger logger, string upstreamId, string tool, string problem);

    [LoggerMessage(EventId = 4561, Level = LogLevel.Warning, Message = "Upstream {UpstreamId}: tools/list has more than {MaxTools} tools; the rest are not recorded and their calls are refused")]
    public static partial void TooManyTools(ILogger logger, string upstreamId, int maxTools);

    [LoggerMessage(EventId = 4562, Level = LogLevel.Warning, Message = "Upstream {UpstreamId}: a tools/list result without a single 'tools' array was not recorded")]
    public static partial void InvalidToolsList(ILogger logger, string upstreamId);

    [LoggerMessage(EventId = 4563, Level = LogLevel.Information, Message = "Upstream {UpstreamId}: the tools changed; declared mappings forgotten until the next tools/list")]
    public static partial void Cleared(ILogger logger, string upstreamId);
}
