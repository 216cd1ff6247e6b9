namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>Where <see cref="CoazMapper"/> finds a tool's declared <c>x-authzen-mapping</c>: what the gateway learned
/// from the upstream's <c>tools/list</c> responses (<see cref="DeclaredToolLookup"/>).</summary>
public interface IDeclaredToolLookup
{
    /// <summary>Returns the declared mapping (or its compile error) of the tool named exactly <paramref name="name"/>;
    /// false when the tool declares none or is not known, so the default <c>tools/call</c> mapping applies.</summary>
    bool TryGet(string name, out CoazMappingCompileResult mapping);
}
