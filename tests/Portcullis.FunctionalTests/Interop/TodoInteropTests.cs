namespace Portcullis.FunctionalTests.Interop;

/// <summary>The AuthZEN todo interop suite (1.0 files 00, 01, 02: single and batch evaluations) against
/// <c>portcullis pdp</c> serving samples/interop/todo.</summary>
public sealed class TodoInteropTests(TodoPdpFixture pdp) : IClassFixture<TodoPdpFixture>
{
    public static TheoryData<InteropCase> Cases => InteropCatalog.Todo();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Post_TodoInteropCase_AnswersAsTheHarnessExpects(InteropCase c) => InteropRunner.AssertCaseAsync(pdp.Client, c);
}
