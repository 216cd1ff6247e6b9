namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>How filtering a list result ended.</summary>
public enum ListFilterStatus
{
    /// <summary>The result was filtered; <see cref="ListFilterResult.FilteredResult"/> replaces the upstream's.</summary>
    Filtered,

    /// <summary>The PDP failed, was unreachable or answered the wrong number of decisions: the caller gets JSON-RPC
    /// <c>-32603</c>, never the unfiltered list.</summary>
    PdpFailed,

    /// <summary>The upstream's result is not a list result of the method (not an object, no entry array, the array
    /// member repeated): the caller gets JSON-RPC <c>-32603</c>.</summary>
    InvalidResult,
}
