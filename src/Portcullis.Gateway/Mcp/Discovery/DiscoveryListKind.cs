namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>The MCP list methods whose results are filtered per caller.</summary>
public enum DiscoveryListKind
{
    /// <summary><c>tools/list</c>: entries in <c>tools</c>, each authorized as <c>tools/call</c> on <c>{type: tool, id: name}</c>.</summary>
    Tools,

    /// <summary><c>prompts/list</c>: entries in <c>prompts</c>, each authorized as <c>prompts/get</c> on <c>{type: prompt, id: name}</c>.</summary>
    Prompts,

    /// <summary><c>resources/list</c>: entries in <c>resources</c>, each authorized as <c>resources/read</c> on <c>{type: resource, id: uri}</c>.</summary>
    Resources,

    /// <summary><c>resources/templates/list</c>: entries in <c>resourceTemplates</c>, each authorized as
    /// <c>resources/read</c> on <c>{type: resource_template, id: uriTemplate}</c>.</summary>
    ResourceTemplates,
}
