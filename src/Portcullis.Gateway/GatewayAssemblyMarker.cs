namespace Portcullis.Gateway;

/// <summary>Names this assembly for reflection (tests, options binding).</summary>
public static class GatewayAssemblyMarker;
