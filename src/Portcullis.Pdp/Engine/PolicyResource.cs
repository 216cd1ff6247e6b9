using Portcullis.Cel.Values;

namespace Portcullis.Pdp.Engine;

/// <summary>What is being accessed, as policies see it: <c>request.resource</c> (alias <c>R</c>).</summary>
/// <param name="Kind">The resource kind (<c>R.kind</c>), which selects the resource policy.</param>
/// <param name="Id">The resource id (<c>R.id</c>).</param>
/// <param name="Attributes">The resource's attributes (<c>R.attr</c>): a CEL map.</param>
public sealed record PolicyResource(string Kind, string Id, CelMap Attributes);
