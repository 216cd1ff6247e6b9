namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>What the gateway knows about a tool's declared mapping.</summary>
public enum DeclaredMappingKind
{
    /// <summary>No complete <c>tools/list</c> has been seen since start or the last <c>list_changed</c>, or the tool
    /// was beyond <see cref="DeclaredMappingLimits.MaxToolsPerUpstream"/>: whether it declares a mapping is unknown.
    /// Failing closed, the stage treats a call as a mapping error (<c>-32602</c>) rather than apply the default.</summary>
    Unknown,

    /// <summary>A complete list was seen and the tool was not in it.</summary>
    NotListed,

    /// <summary>The tool is listed without <c>x-authzen-mapping</c>: the default <c>tools/call</c> mapping applies.</summary>
    NotDeclared,

    /// <summary>The tool declares a mapping, compiled without error.</summary>
    Declared,

    /// <summary>The tool declares a mapping that cannot be used (not an object, too large, repeated, failed to
    /// compile): a call is a mapping error (<c>-32602</c>), never the default mapping.</summary>
    Invalid,
}
