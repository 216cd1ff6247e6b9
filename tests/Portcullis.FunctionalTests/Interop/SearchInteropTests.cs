namespace Portcullis.FunctionalTests.Interop;

/// <summary>The AuthZEN search interop suite (subject, resource and action search) against <c>portcullis pdp</c>
/// serving samples/interop/search.</summary>
public sealed class SearchInteropTests(SearchPdpFixture pdp) : IClassFixture<SearchPdpFixture>
{
    public static TheoryData<InteropCase> Cases => InteropCatalog.Search();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Post_SearchInteropCase_AnswersAsTheHarnessExpects(InteropCase c) => InteropRunner.AssertCaseAsync(pdp.Client, c);
}
