namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>How an SSE rewrite ended.</summary>
internal enum SseRewriteOutcome
{
    /// <summary>The upstream ended the stream; everything was written.</summary>
    Completed,

    /// <summary>An event grew past the limit before its end; it was not written and the rewrite stopped (the stage
    /// aborts the response: an event it cannot inspect is not passed on).</summary>
    EventTooLarge,
}
