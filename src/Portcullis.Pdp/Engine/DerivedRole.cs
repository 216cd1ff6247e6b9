namespace Portcullis.Pdp.Engine;

/// <summary>A compiled derived role: active for a check when the principal has one of its parent roles and its
/// condition holds (evaluated lazily, at most once per check).</summary>
/// <param name="Id">Its index in the policy set, for the per-check cache.</param>
/// <param name="Name">The derived role's name.</param>
/// <param name="PolicyKey">The derived-roles policy that defines it, e.g. <c>derived_roles.common_roles</c>.</param>
/// <param name="ParentRoles">The roles it derives from.</param>
/// <param name="Condition">Its condition, or null when it has none.</param>
/// <param name="Scope">The variables and constants of its policy.</param>
internal sealed record DerivedRole(int Id, string Name, string PolicyKey, RoleSet ParentRoles, Condition? Condition, ParameterScope Scope);
