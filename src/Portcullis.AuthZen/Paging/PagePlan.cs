namespace Portcullis.AuthZen.Paging;

/// <summary>Which part of a search's full result list to return, decided before the PDP runs.</summary>
/// <param name="Offset">The first result to return.</param>
/// <param name="Limit">The most results to return, or -1 for all (the request had no <c>page</c>).</param>
/// <param name="RequestedLimit">The caller's <c>page.limit</c>, or -1; carried in the next token.</param>
/// <param name="Kind">The search kind.</param>
/// <param name="Digest">The digest of the request without its page.</param>
internal readonly record struct PagePlan(int Offset, int Limit, int RequestedLimit, SearchKind Kind, UInt128 Digest);
