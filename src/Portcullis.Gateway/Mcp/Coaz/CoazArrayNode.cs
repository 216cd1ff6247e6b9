namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>A JSON list written in the mapping; absent items are left out.</summary>
internal sealed class CoazArrayNode(IReadOnlyList<CoazTemplateNode> items) : CoazTemplateNode
{
    /// <summary>Gets the items.</summary>
    public IReadOnlyList<CoazTemplateNode> Items { get; } = items;
}
