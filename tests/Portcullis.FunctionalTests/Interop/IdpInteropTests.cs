namespace Portcullis.FunctionalTests.Interop;

/// <summary>The AuthZEN identity-provider interop suite (which records a user may delete, for a token claim) against
/// <c>portcullis pdp</c> serving samples/interop/idp.</summary>
public sealed class IdpInteropTests(IdpPdpFixture pdp) : IClassFixture<IdpPdpFixture>
{
    public static TheoryData<InteropCase> Cases => InteropCatalog.Idp();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Post_IdpInteropCase_AnswersAsTheHarnessExpects(InteropCase c) => InteropRunner.AssertCaseAsync(pdp.Client, c);
}
