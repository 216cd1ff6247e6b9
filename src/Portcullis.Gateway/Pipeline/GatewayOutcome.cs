namespace Portcullis.Gateway.Pipeline;

/// <summary>What the gateway did with a request.</summary>
public enum GatewayOutcome
{
    /// <summary>No decision yet.</summary>
    None,

    /// <summary>The route is anonymous: forwarded without authentication or decision.</summary>
    Anonymous,

    /// <summary>The PDP allowed the request: forwarded.</summary>
    Allowed,

    /// <summary>The PDP denied the request, or it could not be mapped: 403.</summary>
    Denied,

    /// <summary>The token was missing or invalid: 401.</summary>
    Unauthenticated,

    /// <summary>The PDP or the token issuer was unavailable: 503, nothing forwarded.</summary>
    Unavailable,

    /// <summary>A CORS preflight on a route with <c>cors</c>: answered 204 by the gateway, no token, no PDP, nothing forwarded.</summary>
    Preflight,
}
