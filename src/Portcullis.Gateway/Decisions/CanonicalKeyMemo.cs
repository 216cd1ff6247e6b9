using System.Runtime.CompilerServices;
using Portcullis.Gateway.Mapping;

namespace Portcullis.Gateway.Decisions;

/// <summary>Remembers, per caller, the canonical key of the AuthZEN requests built for it, so a repeated request on a
/// cached route finds its cached decision without building the AuthZEN request and its canonical JSON again.</summary>
/// <remarks>
/// <para>Only for mappings that read nothing of the request but its method, route template, host and client address
/// (<see cref="RequestDetailReads.Of"/> false: no <c>$</c> expression, no <c>include_params</c> or <c>include_query</c>).
/// Such a mapping makes its AuthZEN request from the token's claims, literals and those four facts alone, plus the
/// context's <c>time</c> and <c>request_id</c>, which the canonical key leaves out. So the memo's key — the mapping
/// (by reference), the caller's claims (by reference: one object per validated token), method, route template, host
/// and client address — determines the canonical key exactly, and a memo hit gives the key the PDP's question has.</para>
/// <para>Only keys of requests that mapped successfully are remembered. Entries live as long as the caller's claims
/// (attached weakly, like <see cref="CallerClaimsCache"/>), at most <see cref="MaxPerCaller"/> per caller;
/// a lookup is a scan of that caller's few entries, with no lock.</para>
/// </remarks>
internal static class CanonicalKeyMemo
{
    /// <summary>The most keys remembered for one caller.</summary>
    public const int MaxPerCaller = 64;

    private static readonly ConditionalWeakTable<CallerClaims, Remembered> ByCaller = [];

    /// <summary>Returns whether keys of <paramref name="mapping"/> may be remembered.</summary>
    public static bool Applies(AuthZenMappingConfig mapping) => !RequestDetailReads.Of(mapping);

    /// <summary>Finds the key remembered for this caller, mapping and request.</summary>
    public static bool TryGet(CallerClaims caller, AuthZenMappingConfig mapping, RequestFacts facts, out CanonicalRequestKey key)
    {
        if (ByCaller.TryGetValue(caller, out var remembered))
        {
            foreach (var (entry, known) in Volatile.Read(ref remembered.Keys))
            {
                if (entry.Matches(mapping, facts))
                {
                    key = known;
                    return true;
                }
            }
        }
        key = default;
        return false;
    }

    /// <summary>Remembers <paramref name="key"/>, the canonical key of the request <paramref name="mapping"/> built
    /// successfully for this caller and request (only when <see cref="Applies"/>).</summary>
    public static void Add(CallerClaims caller, AuthZenMappingConfig mapping, RequestFacts facts, CanonicalRequestKey key)
    {
        var remembered = ByCaller.GetValue(caller, static _ => new Remembered());
        var current = Volatile.Read(ref remembered.Keys);
        // Copy on write: readers never lock; a racing add may be lost, which only costs a rebuild later.
        if (current.Length < MaxPerCaller)
            Interlocked.CompareExchange(ref remembered.Keys, [.. current, (Entry.Of(mapping, facts), key)], current);
    }

    /// <summary>The keys remembered for one caller (usually a handful: one per route, method and client address).</summary>
    private sealed class Remembered
    {
        public (Entry Entry, CanonicalRequestKey Key)[] Keys = [];
    }

    /// <summary>What determines the canonical key of a detail-free mapping's request, besides the caller.</summary>
    private sealed record Entry(AuthZenMappingConfig Mapping, string Method, string RouteTemplate, string Host, string? ClientIp)
    {
        public static Entry Of(AuthZenMappingConfig mapping, RequestFacts facts) => new(mapping, facts.Method, facts.RouteTemplate, facts.Host, facts.ClientIp);

        /// <summary>Compares the mapping by reference (a record's value equality would walk the whole configuration)
        /// and the facts as ordinal strings.</summary>
        public bool Matches(AuthZenMappingConfig mapping, RequestFacts facts) =>
            ReferenceEquals(Mapping, mapping) && string.Equals(Method, facts.Method, StringComparison.Ordinal)
            && string.Equals(RouteTemplate, facts.RouteTemplate, StringComparison.Ordinal)
            && string.Equals(Host, facts.Host, StringComparison.Ordinal) && string.Equals(ClientIp, facts.ClientIp, StringComparison.Ordinal);
    }
}
