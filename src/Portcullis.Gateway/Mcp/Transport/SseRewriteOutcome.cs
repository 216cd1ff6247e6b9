namespace Portcullis.Gateway.Mcp.Transport;

/// <summary>How an SSE rewrite ended.</summary>
internal enum SseRewriteOutcome
{
    /// <summary>The upstream ended the stream; everything was written.</summary>
    Completed,

    /// <summary>An event grew past the limit before its end; it was not written and the rewrite stopped (the stage
    /// aborts the response: an event it cannot inspect is not passed on).</summary>
    EventTooLarge,

    /// <summary>An event's data looked like JSON (it starts with <c>{</c> or <c>[</c>) but could not be read safely
    /// (a repeated member name, nesting deeper than 64, invalid UTF-8, malformed): a more lenient client parser might
    /// still find a response in it, so it was not written and the rewrite stopped (the stage aborts the response).</summary>
    EventNotInspectable,
}
