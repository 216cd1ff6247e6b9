using Portcullis.AuthZen.Model;
using Portcullis.AuthZen.Paging;

namespace Portcullis.AuthZen.Server;

/// <summary>Prepares search requests for the PDP and trims its results to what AuthZEN returns.</summary>
/// <remarks>Results carry only <c>type</c> and <c>id</c> (actions: <c>name</c>): interop harnesses compare them exactly.</remarks>
internal static class SearchShaping
{
    public static readonly Func<Subject, Subject> Subject = static s => s.Properties is null ? s : new Subject { Type = s.Type, Id = s.Id };

    public static readonly Func<Resource, Resource> Resource = static r => r.Properties is null ? r : new Resource { Type = r.Type, Id = r.Id };

    public static readonly Func<AccessAction, AccessAction> Action = static a => a.Properties is null ? a : new AccessAction { Name = a.Name };

    /// <summary>Removes what the searched entity must ignore (its id; the whole action for an action search) and the page.</summary>
    public static SearchRequest Normalize(SearchKind kind, SearchRequest request) => kind switch
    {
        SearchKind.Subject => request with { Subject = request.Subject! with { Id = null }, Page = null },
        SearchKind.Resource => request with { Resource = request.Resource! with { Id = null }, Page = null },
        _ => request with { Action = null, Page = null },
    };

    public static SearchResponse<T> Page<T>(IReadOnlyList<T>? all, in PagePlan plan, Func<T, T> shape)
        where T : class
    {
        all ??= [];
        var (start, count, page) = SearchPager.Slice(plan, all.Count);
        var results = new List<T>(count);
        for (var i = start; i < start + count; i++)
        {
            if (all[i] is { } item)
            {
                results.Add(shape(item));
            }
        }

        return new SearchResponse<T> { Results = results, Page = page with { Count = results.Count } };
    }
}
