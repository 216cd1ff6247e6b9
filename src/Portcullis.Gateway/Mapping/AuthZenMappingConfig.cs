namespace Portcullis.Gateway.Mapping;

/// <summary>A route's <c>authzen</c> block: which PDP decides and how a request becomes an AuthZEN evaluation.</summary>
/// <remarks>Accepts the seeds' block verbatim; see <see cref="AuthZenMappingParser"/>. Every omitted part follows the
/// AuthZEN REST API gateway profile used at the interop events.</remarks>
public sealed record AuthZenMappingConfig
{
    /// <summary>Gets the configuration with every default: embedded PDP, subject <c>{identity, sub}</c>, resource
    /// <c>{route, template}</c>, action <c>{method}</c>.</summary>
    public static AuthZenMappingConfig Default { get; } = new();

    /// <summary>Gets the PDP target. Defaults to <see cref="PdpTargetConfig.Embedded"/>.</summary>
    public PdpTargetConfig Pdp { get; init; } = PdpTargetConfig.Embedded;

    /// <summary>Gets the subject mapping.</summary>
    public SubjectMappingConfig Subject { get; init; } = new();

    /// <summary>Gets the resource mapping.</summary>
    public ResourceMappingConfig Resource { get; init; } = new();

    /// <summary>Gets the action mapping.</summary>
    public ActionMappingConfig Action { get; init; } = new();

    /// <summary>Gets extra context properties, written after <c>ip</c>, <c>time</c> and <c>request_id</c>.</summary>
    public IReadOnlyList<PropertyMapping> Context { get; init; } = [];
}
