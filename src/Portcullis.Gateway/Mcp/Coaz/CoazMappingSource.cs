namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>Which mapping produced a <see cref="CoazMappingResult"/> (for decision records and logs).</summary>
public enum CoazMappingSource
{
    /// <summary>No mapping was applied (pass-through, unknown method, unreadable params).</summary>
    None,

    /// <summary>A default mapping of the COAZ-MCP binding (Draft 1, "Default Mappings").</summary>
    Default,

    /// <summary>A default mapping Portcullis adds for a method introduced after the binding (MCP 2026-07-28:
    /// <c>server/discover</c>, <c>subscriptions/listen</c>, <c>tasks/update</c>).</summary>
    PortcullisExtension,

    /// <summary>The tool's declared mapping (<c>inputSchema["x-authzen-mapping"]</c>).</summary>
    Declared,

    /// <summary>The route's configured <c>tools/call</c> mapping in the seeds' plugin format (<see cref="SeedToolMapping"/>);
    /// written by the operator, so its <c>subject.id</c> is taken as configured.</summary>
    Configured,
}
