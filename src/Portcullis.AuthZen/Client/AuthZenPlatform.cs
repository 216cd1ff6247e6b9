namespace Portcullis.AuthZen.Client;

/// <summary>The kind of remote PDP an <see cref="AuthZenHttpClient"/> talks to; it decides the endpoint paths.</summary>
public enum AuthZenPlatform
{
    /// <summary>Any AuthZEN 1.0 PDP: the standard paths under the base address (the default).</summary>
    AuthZen,

    /// <summary>Cerbos: the standard paths on its HTTP port.</summary>
    Cerbos,

    /// <summary>OpenFGA: the store-scoped paths <c>/stores/{store_id}/access/v1/...</c> and metadata at
    /// <c>/.well-known/authzen-configuration/{store_id}</c>; needs <see cref="AuthZenClientOptions.StoreId"/>.</summary>
    OpenFga,
}
