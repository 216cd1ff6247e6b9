namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>A compiled part of a COAZ mapping below the fixed fields (properties, context): a value
/// (<see cref="CoazValueNode"/>), an object (<see cref="CoazObjectNode"/>) or a list (<see cref="CoazArrayNode"/>).</summary>
internal abstract class CoazTemplateNode;
