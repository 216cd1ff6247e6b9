using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Configuration;

/// <summary>Identity headers (<c>identity_headers:</c>): which client-supplied headers are stripped at ingress, and
/// which verified ones the gateway sets before forwarding an allowed request.</summary>
public sealed record IdentityHeadersConfig
{
    /// <summary>The defaults: strip <c>X-User-*</c> and <c>X-Tenant-*</c>; inject nothing.</summary>
    public static IdentityHeadersConfig Default { get; } = new();

    /// <summary>Gets the header names stripped from every request; a trailing <c>*</c> matches a prefix; case-insensitive.
    /// Defaults to <c>X-User-*</c> and <c>X-Tenant-*</c>.</summary>
    public IReadOnlyList<string> Strip { get; init; } = ["X-User-*", "X-Tenant-*"];

    /// <summary>Gets the headers set on an allowed, authenticated request, by name, each a mapping value
    /// (<c>claim::path</c>, a literal, or a <c>$</c> CEL expression); a value that resolves to nothing is not set.
    /// Defaults to none.</summary>
    public IReadOnlyDictionary<string, MappingValue> Inject { get; init; } = new Dictionary<string, MappingValue>(StringComparer.OrdinalIgnoreCase);
}
