using System.Globalization;

namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The <c>portcullis.yaml</c> the MCP gateway tests run: one issuer, one MCP route <c>/mcp</c> in front of one
/// upstream, the token's <c>roles</c> and <c>amr</c> claims added to every subject.</summary>
internal static class McpRouteYaml
{
    /// <summary>Returns the configuration. <paramref name="issuer"/> is the issuer's YAML lines (indented under
    /// <c>issuers:</c>, e.g. from <see cref="JwksIssuer"/>); <paramref name="pdp"/> is the route's <c>authzen.pdp</c> value
    /// or null for the embedded PDP on <paramref name="policies"/>; <paramref name="mcpExtras"/> are more lines of the
    /// route's <c>mcp:</c> block (e.g. <c>log_arguments: true</c>).</summary>
    public static string Build(
        string issuer, string upstream, string resource, string? policies, string? pdp = null, params string[] mcpExtras)
    {
        var top = policies is null ? "" : $"pdp:\n  policies: {policies}\n";
        var pdpLine = pdp is null ? "" : $"      pdp: {pdp}\n";
        var extras = string.Concat(mcpExtras.Select(line => $"      {line}\n"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            {top}issuers:
            {issuer}
            routes:
              - id: mcp
                path: /mcp
                upstream: {upstream}
                authzen:
            {pdpLine}      subject:
                    properties:
                      roles: claim::roles
                      amr: claim::amr
                mcp:
                  resource: {resource}
            {extras}
            """);
    }

    /// <summary>Returns the issuer lines of a test issuer that publishes its keys at <paramref name="jwksUri"/>.</summary>
    public static string JwksIssuer(string issuer, Uri jwksUri, string audience) =>
        $"  - issuer: {issuer}\n    jwks_uri: {jwksUri}\n    audiences: [{audience}]";

    /// <summary>Returns the issuer lines of an OpenID provider found by discovery, whose access tokens are RS256 <c>at+jwt</c>.</summary>
    public static string DiscoveredIssuer(string issuer, Uri discovery, string audience) =>
        $"  - issuer: {issuer}\n    discovery: {discovery}\n    audiences: [{audience}]\n    algorithms: [RS256]\n    required_type: at+jwt";
}
