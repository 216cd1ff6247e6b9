using Portcullis.AuthZen;
using Portcullis.Gateway.Configuration;

namespace Portcullis.Gateway.Pipeline;

/// <summary>A configured route at run time: its configuration and the PDP that decides it.</summary>
internal sealed record GatewayRoute(GatewayRouteConfig Config, IAuthZenPdp? Pdp);
