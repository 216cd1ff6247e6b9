using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Engine;

/// <summary>Who is asking, as policies see it: <c>request.principal</c> (alias <c>P</c>).</summary>
/// <param name="Id">The principal's id (<c>P.id</c>).</param>
/// <param name="Roles">The principal's roles (<c>P.roles</c>), matched against rules' <c>roles</c> and derived roles' <c>parentRoles</c>.</param>
/// <param name="Attributes">The principal's attributes (<c>P.attr</c>): a CEL map.</param>
public sealed record Principal(string Id, IReadOnlyList<string> Roles, CelMap Attributes);
