using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>What the gateway recorded about a request (its <see cref="IGatewayFeature"/>) when the response started.</summary>
internal sealed record ObservedFeature(GatewayOutcome Outcome, string? Reason, bool CacheHit, bool FailOpen, string? Pdp);
