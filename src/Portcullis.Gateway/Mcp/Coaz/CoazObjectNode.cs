namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>A JSON object written in the mapping; members whose value is absent (<c>.?</c>) are left out.</summary>
internal sealed class CoazObjectNode(IReadOnlyList<KeyValuePair<string, CoazTemplateNode>> members) : CoazTemplateNode
{
    /// <summary>Gets the members in mapping order.</summary>
    public IReadOnlyList<KeyValuePair<string, CoazTemplateNode>> Members { get; } = members;

    /// <summary>Returns a value indicating whether a member is named <paramref name="key"/>.</summary>
    public bool Has(string key)
    {
        foreach (var member in Members)
        {
            if (member.Key == key) return true;
        }
        return false;
    }
}
