using System.Text.Json.Nodes;

namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>One call the gateway made to the PDP, as <see cref="AttributingPdp"/> recorded it.</summary>
/// <param name="RequestId">The gateway request that made it, or null.</param>
/// <param name="Kind">Which API.</param>
/// <param name="Request">The AuthZEN request body as JSON.</param>
internal sealed record PdpCall(string? RequestId, PdpCallKind Kind, JsonObject Request);
