namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>What a list method's result looks like and how each of its entries is authorized.</summary>
/// <remarks>The action and resource shapes are those of the COAZ-MCP default mappings for the method that uses an
/// entry (<c>tools/call</c>, <c>prompts/get</c>, <c>resources/read</c>), so an entry is listed exactly when the
/// default mapping would allow using it. <c>resource_template</c> is Portcullis's type for a template (the binding
/// has no default mapping for templates).</remarks>
/// <param name="Kind">The list.</param>
/// <param name="Method">The JSON-RPC method, e.g. <c>tools/list</c>.</param>
/// <param name="ArrayProperty">The result member holding the entries, e.g. <c>tools</c>.</param>
/// <param name="KeyProperty">The entry member that identifies it, e.g. <c>name</c>.</param>
/// <param name="Action">The AuthZEN action name of each entry's item.</param>
/// <param name="ResourceType">The AuthZEN resource type of each entry's item.</param>
public sealed record DiscoveryList(
    DiscoveryListKind Kind, string Method, string ArrayProperty, string KeyProperty, string Action, string ResourceType)
{
    /// <summary>Gets the AuthZEN resource type of an MCP resource (also the type of a <c>ui://</c> app resource).</summary>
    public const string ResourceTypeName = "resource";

    /// <summary>Gets the action that reads a resource.</summary>
    public const string ReadAction = "resources/read";

    /// <summary>Gets <c>tools/list</c>.</summary>
    public static DiscoveryList Tools { get; } = new(DiscoveryListKind.Tools, "tools/list", "tools", "name", "tools/call", "tool");

    /// <summary>Gets <c>prompts/list</c>.</summary>
    public static DiscoveryList Prompts { get; } = new(DiscoveryListKind.Prompts, "prompts/list", "prompts", "name", "prompts/get", "prompt");

    /// <summary>Gets <c>resources/list</c>.</summary>
    public static DiscoveryList Resources { get; } = new(DiscoveryListKind.Resources, "resources/list", "resources", "uri", ReadAction, ResourceTypeName);

    /// <summary>Gets <c>resources/templates/list</c>.</summary>
    public static DiscoveryList ResourceTemplates { get; } =
        new(DiscoveryListKind.ResourceTemplates, "resources/templates/list", "resourceTemplates", "uriTemplate", ReadAction, "resource_template");

    /// <summary>Finds the list a JSON-RPC method returns (exact, case-sensitive); false for every other method.</summary>
    public static bool TryFromMethod(string? method, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DiscoveryList? list)
    {
        list = method switch
        {
            "tools/list" => Tools,
            "prompts/list" => Prompts,
            "resources/list" => Resources,
            "resources/templates/list" => ResourceTemplates,
            _ => null,
        };
        return list is not null;
    }

    /// <summary>Returns the description of <paramref name="kind"/>.</summary>
    public static DiscoveryList For(DiscoveryListKind kind) => kind switch
    {
        DiscoveryListKind.Tools => Tools,
        DiscoveryListKind.Prompts => Prompts,
        DiscoveryListKind.Resources => Resources,
        DiscoveryListKind.ResourceTemplates => ResourceTemplates,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown list kind"),
    };
}
