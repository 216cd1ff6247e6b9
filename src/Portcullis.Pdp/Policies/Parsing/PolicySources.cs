namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>Everything parsed from a set of policy files, before linking and compiling.</summary>
internal sealed class PolicySources
{
    /// <summary>Gets the resource policies.</summary>
    public List<ResourcePolicySource> ResourcePolicies { get; } = [];

    /// <summary>Gets the derived roles policies.</summary>
    public List<DerivedRolesSource> DerivedRoles { get; } = [];

    /// <summary>Gets the principal policies.</summary>
    public List<PrincipalPolicySource> PrincipalPolicies { get; } = [];

    /// <summary>Gets the exported variable sets.</summary>
    public List<ExportVariablesSource> ExportVariables { get; } = [];

    /// <summary>Gets the exported constant sets.</summary>
    public List<ExportConstantsSource> ExportConstants { get; } = [];
}
