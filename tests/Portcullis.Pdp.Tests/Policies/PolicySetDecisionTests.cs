using Portcullis.Pdp.Policies;

namespace Portcullis.Pdp.Tests.Policies;

public sealed class PolicySetDecisionTests
{
    public static TheoryData<string> Cases() => [.. DecisionCase.LoadAll().Select(c => c.ToString())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_CaseFile_GivesExpectedDecision(string name)
    {
        var testCase = DecisionCase.LoadAll().Single(c => c.ToString() == name);
        var loaded = PolicySet.LoadFromFiles(testCase.Policies, FixedClock.Default);
        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));

        var decision = loaded.Policies!.Check(testCase.Input);

        Assert.Equal(testCase.Allowed, decision.Allowed);
        if (testCase.Rule is not null) Assert.Equal(testCase.Rule, decision.Rule);
        if (testCase.ExpectsPolicy) Assert.Equal(testCase.Policy, decision.Policy);
        if (testCase.Errors is { } errors) Assert.Equal(errors, decision.Errors.Count);
    }
}
