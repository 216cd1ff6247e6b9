namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>The pages of a paginated <c>tools/list</c> seen so far (immutable; each page makes a new one).</summary>
/// <typeparam name="TCompiled">The compiled mapping's type.</typeparam>
/// <param name="Tools">The tools of the pages, by exact name.</param>
/// <param name="MappingBytes">The bytes of their mappings.</param>
/// <param name="Truncated">Whether tools were left out by the bound.</param>
internal sealed record DeclaredToolPages<TCompiled>(IReadOnlyDictionary<string, DeclaredTool<TCompiled>> Tools, long MappingBytes, bool Truncated);
