namespace Portcullis.FunctionalTests.Interop;

/// <summary>The interop data is found and read completely, and every case gets a distinct readable name.</summary>
public sealed class InteropCatalogTests
{
    [Fact]
    public void Todo_Files00To02_HaveEveryEvaluationAndBatch()
    {
        var cases = Cases(InteropCatalog.Todo());
        Assert.Equal(120, cases.Count(c => c.Endpoint == InteropEndpoint.Evaluation));
        Assert.Equal(3, cases.Count(c => c.Endpoint == InteropEndpoint.Evaluations));
    }

    [Fact]
    public void Search_ResultFiles_HaveSubjectResourceAndActionCases()
    {
        var cases = Cases(InteropCatalog.Search());
        Assert.Equal(60, cases.Count(c => c.Endpoint == InteropEndpoint.SearchSubject));
        Assert.Equal(18, cases.Count(c => c.Endpoint == InteropEndpoint.SearchResource));
        Assert.Equal(120, cases.Count(c => c.Endpoint == InteropEndpoint.SearchAction));
    }

    [Fact]
    public void Idp_Results_HaveSixResourceSearches() =>
        Assert.Equal(6, Cases(InteropCatalog.Idp()).Count(c => c.Endpoint == InteropEndpoint.SearchResource));

    [Fact]
    public void Names_AllCases_AreDistinctAndReadable()
    {
        var names = Cases(InteropCatalog.Todo()).Concat(Cases(InteropCatalog.Search())).Concat(Cases(InteropCatalog.Idp()))
            .Select(c => c.ToString()).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("todo 1_0-01 evaluation 14: CiRmZDE2…SBWxvY2Fs can_update_todo todo/7240d0db…096273b91 => true", names);
        Assert.Contains("idp 01: which record may user/alice delete", names);
    }

    private static List<InteropCase> Cases(TheoryData<InteropCase> data) =>
        ((IEnumerable<object[]>)data).Select(row => (InteropCase)row[0]).ToList();
}
