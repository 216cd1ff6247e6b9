namespace Portcullis.Gateway.Mapping;

/// <summary>The kind of PDP a route's requests go to, for the few places where AuthZEN PDPs differ.</summary>
public enum PdpPlatform
{
    /// <summary>A plain AuthZEN 1.0 PDP (also the embedded one).</summary>
    AuthZen,

    /// <summary>Cerbos: roles are read from <c>subject.properties["cerbos.roles"]</c>.</summary>
    Cerbos,

    /// <summary>OpenFGA: AuthZEN endpoints are scoped to an explicit store (<c>/stores/{id}/access/v1/...</c>).</summary>
    OpenFga,
}
