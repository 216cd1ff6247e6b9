using System.Runtime.CompilerServices;
using Portcullis.Gateway.Authentication;

namespace Portcullis.Gateway.Mapping;

/// <summary>Builds a caller's <see cref="CallerClaims"/> once per validated token rather than once per request.</summary>
/// <remarks>The <see cref="Caller"/> of a repeated token is the same object (the authenticator caches validations), so
/// the claims are attached to it weakly: they live exactly as long as the cached validation, and
/// <see cref="Caller"/>'s value equality is untouched. Reads are lock-free.</remarks>
internal static class CallerClaimsCache
{
    private static readonly ConditionalWeakTable<Caller, CallerClaims> Table = [];

    /// <summary>Returns the claims of <paramref name="caller"/> as the mapping reads them.</summary>
    public static CallerClaims For(Caller caller) =>
        Table.TryGetValue(caller, out var claims) ? claims : Table.GetValue(caller, static c => CallerClaims.FromClaims(c.Claims));
}
