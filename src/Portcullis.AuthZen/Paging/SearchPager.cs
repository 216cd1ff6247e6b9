using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Portcullis.AuthZen.Model;

namespace Portcullis.AuthZen.Paging;

/// <summary>Pages a search's full result list: the PDP returns every result, the server slices.</summary>
/// <remarks>AuthZEN 1.0, "Pagination": apart from the token, a follow-up request must be identical to the first, and
/// the PDP should return an error otherwise. A follow-up may omit <c>limit</c> (as the specification's example does);
/// the first request's limit then applies.</remarks>
internal static class SearchPager
{
    public const string TokenMismatch = "page token does not match the request";
    public const string TokenInvalid = "page.token is not a valid page token";

    /// <summary>Plans the page for <paramref name="normalized"/>, a request whose ignored members and page are removed.</summary>
    public static bool TryPlan(
        SearchKind kind,
        SearchRequest normalized,
        PageRequest? page,
        int defaultPageSize,
        int maxPageSize,
        out PagePlan plan,
        out string? error)
    {
        plan = default;
        error = null;
        if (page is null)
        {
            plan = new PagePlan(0, -1, -1, kind, default);
            return true;
        }

        var digest = Digest(kind, normalized);
        var requested = page.Limit ?? -1;
        var offset = 0;
        if (!string.IsNullOrEmpty(page.Token))
        {
            if (!PageToken.TryDecode(page.Token, out var token))
            {
                error = TokenInvalid;
                return false;
            }

            if (token.Kind != kind || token.Digest != digest || (page.Limit is not null && page.Limit != token.RequestedLimit))
            {
                error = TokenMismatch;
                return false;
            }

            offset = token.Offset;
            requested = token.RequestedLimit;
        }

        var limit = requested < 0 ? defaultPageSize : Math.Min(requested, maxPageSize);
        plan = new PagePlan(offset, limit, requested, kind, digest);
        return true;
    }

    /// <summary>Returns the range of <paramref name="total"/> results to send and the page object describing it.</summary>
    public static (int Start, int Count, PageResponse Page) Slice(in PagePlan plan, int total)
    {
        var start = Math.Min(plan.Offset, total);
        var count = plan.Limit < 0 ? total - start : Math.Min(plan.Limit, total - start);
        var next = start + count;
        var token = next < total && plan.Limit >= 0
            ? new PageToken(plan.Kind, next, plan.RequestedLimit, plan.Digest).Encode()
            : "";
        return (start, count, new PageResponse { NextToken = token, Count = count, Total = total });
    }

    private static UInt128 Digest(SearchKind kind, SearchRequest normalized)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(normalized, AuthZenJsonContext.Default.SearchRequest);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json, hash);
        hash[0] ^= (byte)kind;
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }
}
