namespace Portcullis.Gateway.Configuration;

/// <summary>A route's MCP settings (<c>mcp:</c>): the route fronts an MCP server over Streamable HTTP and every
/// JSON-RPC message is authorized by the COAZ-MCP binding instead of the REST mapping.</summary>
public sealed record McpRouteConfig
{
    /// <summary>Gets this MCP server's resource identifier (RFC 8707, RFC 9728 <c>resource</c>): tokens must carry it
    /// in <c>aud</c>, and server-wide methods are authorized against <c>{type: mcp_server, id: Resource}</c>.</summary>
    public required Uri Resource { get; init; }

    /// <summary>Gets the authorization servers advertised in the protected-resource metadata. Defaults to the issuers.</summary>
    public IReadOnlyList<Uri> AuthorizationServers { get; init; } = [];

    /// <summary>Gets the scopes advertised (<c>scopes_supported</c>) and named in the 401 challenge. Defaults to none.</summary>
    public IReadOnlyList<string> ScopesSupported { get; init; } = [];

    /// <summary>Gets the scopes every token must hold; a token without them gets 403 <c>insufficient_scope</c>. Defaults to none.</summary>
    public IReadOnlyList<string> RequiredScopes { get; init; } = [];

    /// <summary>Gets the human-readable name in the metadata (<c>resource_name</c>), or null.</summary>
    public string? ResourceName { get; init; }

    /// <summary>Gets the subject-identity claim (COAZ-MCP: <c>sub</c>, or an on-behalf-of claim). Defaults to <c>sub</c>.</summary>
    public string SubjectClaim { get; init; } = "sub";

    /// <summary>Gets a value indicating whether the caller's token is passed on to the MCP server. Defaults to false.</summary>
    public bool PassToken { get; init; }

    /// <summary>Gets a value indicating whether tool arguments may appear in decision records. Defaults to false.</summary>
    public bool LogArguments { get; init; }

    /// <summary>Gets the largest request body read before parsing; larger bodies are refused unparsed. Defaults to 1 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Gets the seeds' plugin format <c>enforce_on.methods</c>: only these methods are checked; null means all
    /// (the COAZ-MCP default, where unknown methods are denied).</summary>
    public IReadOnlyList<string>? EnforceOnMethods { get; init; }

    /// <summary>Gets the route's own <c>tools/call</c> mapping, written in the seeds' plugin format in the route's
    /// <c>authzen</c> block (<c>mcp::tool::name</c>, <c>mcp::tool::arguments::a.b</c>), or null. It outranks the tools'
    /// declared mappings.</summary>
    public Mcp.Coaz.CoazMapping? ConfiguredToolsCall { get; init; }
}
