namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>The answer of <see cref="DeclaredMappingStore{TCompiled}.Find"/>.</summary>
/// <typeparam name="TCompiled">The compiled mapping's type.</typeparam>
/// <param name="Kind">What is known of the tool's mapping.</param>
/// <param name="Tool">The tool as listed, or null for <see cref="DeclaredMappingKind.Unknown"/> and
/// <see cref="DeclaredMappingKind.NotListed"/>.</param>
public readonly record struct DeclaredMappingLookup<TCompiled>(DeclaredMappingKind Kind, DeclaredTool<TCompiled>? Tool);
