using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>A literal or a <c>$</c> CEL expression.</summary>
internal sealed class CoazValueNode(MappingValue value) : CoazTemplateNode
{
    /// <summary>Gets the literal or compiled expression.</summary>
    public MappingValue Value { get; } = value;
}
