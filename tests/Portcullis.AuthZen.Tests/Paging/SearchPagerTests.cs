using Portcullis.AuthZen.Model;
using Portcullis.AuthZen.Paging;

namespace Portcullis.AuthZen.Tests.Paging;

public sealed class SearchPagerTests
{
    private static readonly SearchRequest Request = new()
    {
        Subject = new Subject { Type = "user", Id = "a" },
        Action = new AccessAction { Name = "read" },
        Resource = new Resource { Type = "doc" },
    };

    [Fact]
    public void Slice_NoPage_EverythingWithEmptyToken()
    {
        Assert.True(SearchPager.TryPlan(SearchKind.Resource, Request, page: null, 50, 1000, out var plan, out _));

        var (start, count, page) = SearchPager.Slice(plan, 1234);

        Assert.Equal((0, 1234), (start, count));
        Assert.Equal(new PageResponse { NextToken = "", Count = 1234, Total = 1234 }, page);
    }

    [Fact]
    public void Slice_ResultsShrankBelowTheOffset_EmptyLastPage()
    {
        SearchPager.TryPlan(SearchKind.Resource, Request, new PageRequest { Limit = 2 }, 50, 1000, out var first, out _);
        var token = SearchPager.Slice(first, 10).Page.NextToken;
        SearchPager.TryPlan(SearchKind.Resource, Request, new PageRequest { Token = token }, 50, 1000, out var second, out _);

        var (_, count, page) = SearchPager.Slice(second, 1);

        Assert.Equal(0, count);
        Assert.Equal("", page.NextToken);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public void TryPlan_LimitZero_CountsWithoutResults()
    {
        SearchPager.TryPlan(SearchKind.Subject, Request, new PageRequest { Limit = 0 }, 50, 1000, out var plan, out _);

        var (_, count, page) = SearchPager.Slice(plan, 5);

        Assert.Equal(0, count);
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public void TryPlan_TokenForDifferentContext_Mismatch()
    {
        SearchPager.TryPlan(SearchKind.Resource, Request, new PageRequest { Limit = 1 }, 50, 1000, out var first, out _);
        var token = SearchPager.Slice(first, 3).Page.NextToken;
        var changed = Request with { Context = System.Text.Json.JsonDocument.Parse("{}").RootElement };

        Assert.False(SearchPager.TryPlan(SearchKind.Resource, changed, new PageRequest { Token = token }, 50, 1000, out _, out var error));
        Assert.Equal("page token does not match the request", error);
    }
}
