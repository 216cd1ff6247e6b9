namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>The outcome of <see cref="ListFilter.FilterAsync"/>: the filtered result, or why the caller gets an error.</summary>
public sealed record ListFilterResult
{
    /// <summary>Gets the JSON-RPC error code for every failure: <c>-32603</c> (internal error).</summary>
    public const int InternalErrorCode = -32603;

    /// <summary>Gets how filtering ended.</summary>
    public required ListFilterStatus Status { get; init; }

    /// <summary>Gets the filtered <c>result</c> object as UTF-8 JSON (write it with <c>Utf8JsonWriter.WriteRawValue</c>
    /// as the response's <c>result</c>), or null when filtering failed.</summary>
    public byte[]? FilteredResult { get; init; }

    /// <summary>Gets how many entries were kept.</summary>
    public int Kept { get; init; }

    /// <summary>Gets how many entries were removed (denied, or not identifiable).</summary>
    public int Removed { get; init; }

    /// <summary>Gets how many MCP Apps links (<c>_meta.ui.resourceUri</c> or the flat legacy key) were removed from kept tools.</summary>
    public int UiLinksRemoved { get; init; }

    /// <summary>Gets how many evaluation items were sent in the one PDP call (0 when none was needed).</summary>
    public int Evaluations { get; init; }

    /// <summary>Gets a short description of the failure for logs (no decision internals, no token), or null.</summary>
    public string? Problem { get; init; }

    /// <summary>Gets the PDP's exception when it threw, for the stage's log, or null.</summary>
    public Exception? PdpException { get; init; }

    /// <summary>Gets whether the caller gets the filtered result.</summary>
    public bool Succeeded => Status == ListFilterStatus.Filtered;

    /// <summary>Returns a failure.</summary>
    internal static ListFilterResult Failed(ListFilterStatus status, string problem, Exception? exception = null) =>
        new() { Status = status, Problem = problem, PdpException = exception };
}
