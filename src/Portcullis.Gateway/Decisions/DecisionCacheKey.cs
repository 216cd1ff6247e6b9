using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Decisions;

/// <summary>What a cached decision answers: one canonical AuthZEN request put to one PDP.</summary>
/// <param name="Pdp">The PDP's identity (<see cref="Pipeline.GatewayRoute.PdpIdentity"/>), so two PDPs never share an entry.</param>
/// <param name="Request">The canonical key of the AuthZEN request (subject, resource, action and context).</param>
internal readonly record struct DecisionCacheKey(string Pdp, CanonicalRequestKey Request);
