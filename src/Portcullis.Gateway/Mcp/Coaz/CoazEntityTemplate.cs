using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The compiled <c>subject</c> or <c>resource</c> of a mapping: type, id and properties, each optional as written.</summary>
internal sealed record CoazEntityTemplate(MappingValue? Type, MappingValue? Id, CoazTemplateNode? Properties);
