using System.Text;

namespace Portcullis.Gateway.Authentication;

/// <summary>Formats RFC 6750 <c>WWW-Authenticate: Bearer</c> challenges.</summary>
/// <remarks>
/// See <see href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 section 3</see> and, for
/// <c>resource_metadata</c>, <see href="https://www.rfc-editor.org/rfc/rfc9728#section-5.1">RFC 9728 section 5.1</see>.
/// </remarks>
public static class BearerChallenge
{
    /// <summary>Formats the challenge for a failed authentication.</summary>
    /// <param name="failure">The failure; <see cref="AuthenticationFailureKind.Missing"/> yields no <c>error</c> attribute.</param>
    /// <param name="realm">The protection realm, when configured.</param>
    /// <param name="resourceMetadata">The OAuth protected resource metadata address (RFC 9728), when configured.</param>
    /// <param name="scope">The space-separated scopes the resource needs, when configured.</param>
    /// <returns>The header value, for example <c>Bearer realm="api", error="invalid_token", error_description="the token has expired"</c>.</returns>
    public static string Format(AuthenticationFailure? failure, string? realm = null, Uri? resourceMetadata = null, string? scope = null)
    {
        var builder = new StringBuilder("Bearer");
        var first = true;
        if (!string.IsNullOrEmpty(realm))
            Append(builder, ref first, "realm", realm);
        if (failure is not null && failure.Kind != AuthenticationFailureKind.Missing)
        {
            Append(builder, ref first, "error", "invalid_token");
            Append(builder, ref first, "error_description", failure.Description);
        }

        if (resourceMetadata is not null)
            Append(builder, ref first, "resource_metadata", resourceMetadata.AbsoluteUri);
        if (!string.IsNullOrEmpty(scope))
            Append(builder, ref first, "scope", scope);
        return builder.ToString();
    }

    /// <summary>Formats the RFC 6750 section 3.1 challenge of a valid token that lacks scopes (sent with 403).</summary>
    /// <param name="scope">The space-separated scopes the request needs.</param>
    /// <param name="resourceMetadata">The OAuth protected resource metadata address (RFC 9728), when configured.</param>
    /// <returns>The header value, for example <c>Bearer error="insufficient_scope", scope="files:read", resource_metadata="…"</c>.</returns>
    public static string FormatInsufficientScope(string scope, Uri? resourceMetadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var builder = new StringBuilder("Bearer");
        var first = true;
        Append(builder, ref first, "error", "insufficient_scope");
        Append(builder, ref first, "error_description", "the token lacks a scope this resource requires");
        Append(builder, ref first, "scope", scope);
        if (resourceMetadata is not null)
            Append(builder, ref first, "resource_metadata", resourceMetadata.AbsoluteUri);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ref bool first, string name, string value)
    {
        builder.Append(first ? " " : ", ").Append(name).Append("=\"");
        first = false;
        foreach (var c in value)
        {
            // RFC 6750 restricts attribute values to %x20-21 / %x23-5B / %x5D-7E: no quote, no backslash, printable
            // ASCII only; anything else is replaced so the header always parses.
            builder.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '\'');
        }

        builder.Append('"');
    }
}
