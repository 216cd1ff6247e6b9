namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>A parsed <c>derivedRoles</c> policy.</summary>
internal sealed record DerivedRolesSource(PolicyLocation Location, string Name, IReadOnlyList<DerivedRoleSource> Definitions, ParametersSource Parameters);
