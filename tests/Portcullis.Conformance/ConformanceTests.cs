using Xunit.Abstractions;

namespace Portcullis.Conformance;

/// <summary>Runs every in-scope case of the official CEL conformance suite as its own test row.
/// To regenerate the skip list from the current failures, run with <c>CEL_CONFORMANCE_WRITE_SKIPS=1</c>: failing
/// cases are then reported as skipped and <c>cel-conformance-skips.txt</c> is rewritten when the run ends
/// (existing reasons are kept; new entries read <c>TODO: first line of the failure</c>).</summary>
public sealed class ConformanceTests(ConformanceFixture fixture, ITestOutputHelper output) : IClassFixture<ConformanceFixture>
{
    private const string LoadFailed = "(conformance data could not be loaded)";

    /// <summary>Gets one row per in-scope case id, or a single row reporting why the data could not be loaded.</summary>
    public static TheoryData<string> CaseIds
    {
        get
        {
            var data = new TheoryData<string>();
            try
            {
                foreach (var c in ConformanceData.Instance.InScope) data.Add(c.Id);
            }
            catch (InvalidOperationException)
            {
                data.Add(LoadFailed);
            }
            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Case_Evaluated_MatchesExpectedResult(string id)
    {
        var data = ConformanceData.Instance; // rethrows the clear "run npm ci in tools/" message when loading failed
        Assert.NotEqual(LoadFailed, id);
        var c = data.ById[id];
        var outcome = CaseRunner.Run(c);
        var listed = fixture.Skips.TryGetValue(id, out var reason);

        if (ConformanceFixture.WriteSkips)
        {
            ConformanceResults.Record(id, outcome.Passed ? CaseStatus.Passed : CaseStatus.Skipped, outcome);
            Skip.If(!outcome.Passed, "recorded for the skip list: " + outcome.FirstLine);
            return;
        }
        if (listed)
        {
            ConformanceResults.Record(id, outcome.Passed ? CaseStatus.Failed : CaseStatus.Skipped, outcome);
            if (outcome.Passed) Assert.Fail($"{id} passes now: remove from skip list (cel-conformance-skips.txt).");
            output.WriteLine(outcome.Message);
            throw new SkipException(reason!);
        }
        ConformanceResults.Record(id, outcome.Passed ? CaseStatus.Passed : CaseStatus.Failed, outcome);
        Assert.True(outcome.Passed, outcome.Message);
    }

    [Fact]
    public void Scope_ComputedFromRules_KeepsMostOfTheSuite()
    {
        var data = ConformanceData.Instance;
        output.WriteLine($"CEL conformance scope: {data.ScopeLine()}");
        foreach (var (rule, count) in data.ExcludedByRule) output.WriteLine($"  excluded {count,5}: {rule}");
        Assert.InRange(data.InScope.Count, 1_400, data.All.Count);
    }

    [Fact]
    public void SkipList_NamesOnlyInScopeCases_NoStaleEntries()
    {
        var unknown = fixture.Skips.Keys.Where(id => !ConformanceData.Instance.ById.ContainsKey(id)).ToList();
        Assert.True(unknown.Count == 0, "skip list names cases that are not in scope: " + string.Join(", ", unknown));
    }

    [Fact]
    public void CheckOnlyCases_WithoutTypeChecker_AreSkipListed()
    {
        var missing = ConformanceData.Instance.InScope.Where(c => c.CheckOnly && !fixture.Skips.ContainsKey(c.Id)).Select(c => c.Id).ToList();
        Assert.True(missing.Count == 0, "type-checker-only cases missing from the skip list: " + string.Join(", ", missing));
    }
}
