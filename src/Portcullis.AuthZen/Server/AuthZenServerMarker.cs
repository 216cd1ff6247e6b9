namespace Portcullis.AuthZen.Server;

/// <summary>Registered by <see cref="AuthZenServiceCollectionExtensions.AddAuthZenServer"/> so that
/// <see cref="AuthZenEndpointRouteBuilderExtensions.MapAuthZen"/> can tell it was called.</summary>
internal sealed class AuthZenServerMarker;
