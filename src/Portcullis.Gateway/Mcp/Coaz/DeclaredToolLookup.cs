using Portcullis.Gateway.Mcp.Discovery;

namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The declared mappings of one upstream's tools as <see cref="CoazMapper"/> reads them, from what a
/// <see cref="DeclaredMappingStore{TCompiled}"/> learned of that upstream's <c>tools/list</c> answers.</summary>
/// <remarks>A declared mapping is used as compiled; one the server declared but that cannot be used (malformed, too
/// large, listed twice differently) is a mapping error, never the default. Tools without one, or not known, get the
/// default <c>tools/call</c> mapping. Names are matched exactly (ordinal, case-sensitive).</remarks>
/// <param name="store">The store.</param>
/// <param name="upstreamId">The upstream's key in <paramref name="store"/>.</param>
public sealed class DeclaredToolLookup(DeclaredMappingStore<CoazMappingCompileResult> store, string upstreamId) : IDeclaredToolLookup
{
    /// <inheritdoc />
    public bool TryGet(string name, out CoazMappingCompileResult mapping)
    {
        var found = store.Find(upstreamId, name);
        switch (found.Kind)
        {
            case DeclaredMappingKind.Declared when found.Tool?.Compiled is { } compiled:
                mapping = compiled;
                return true;
            case DeclaredMappingKind.Invalid:
                mapping = CoazMappingCompileResult.Failed(found.Tool?.Problem ?? "the declared mapping is unusable");
                return true;
            default:
                mapping = null!;
                return false;
        }
    }
}
