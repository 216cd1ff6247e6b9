using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The compiled <c>action</c> of a mapping: name and properties, each optional as written.</summary>
internal sealed record CoazActionTemplate(MappingValue? Name, CoazTemplateNode? Properties);
