namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>The same expense policies (<c>samples/mcp/expense-policies</c>) decided by the embedded PDP and by the real
/// Cerbos 0.55 behind the same MCP route: each user sees the same filtered tools/list and gets the same allow/deny for
/// every tool call on both, and that is what the policies say.</summary>
public sealed class ExpenseEmbeddedAndCerbosTests(ExpenseTwoPdpsFixture fixture) : IClassFixture<ExpenseTwoPdpsFixture>
{
    private const string AllTools = "tools/list: approve_expense, list_expenses, view_expense";
    private const string ListOnly = "tools/list: list_expenses";

    /// <summary>Gets the users: analysts with a hardware-secured key (one with several roles and methods), who may view
    /// and approve, and users failing each condition, one with an empty <c>roles</c> claim.</summary>
    public static TheoryData<ExpenseUser> Users => new()
    {
        new ExpenseUser("ana", ["analyst"], ["hwk"], [AllTools, "list_expenses: allowed", "view_expense: allowed", "approve_expense: allowed"]),
        new ExpenseUser("pat", ["analyst"], ["pwd"], [ListOnly, "list_expenses: allowed", "view_expense: -32001", "approve_expense: -32001"]),
        new ExpenseUser("eve", ["employee"], ["hwk"], [ListOnly, "list_expenses: allowed", "view_expense: -32001", "approve_expense: -32001"]),
        new ExpenseUser("max", ["employee", "analyst"], ["pwd", "hwk"], [AllTools, "list_expenses: allowed", "view_expense: allowed", "approve_expense: allowed"]),
        new ExpenseUser("zed", [], ["hwk"], [ListOnly, "list_expenses: allowed", "view_expense: -32001", "approve_expense: -32001"]),
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Session_SameUserOnEmbeddedAndCerbos_SeesAndMayDoTheSame(ExpenseUser user)
    {
        var token = fixture.Token(user);

        var embedded = await ExpenseSession.Observe(fixture.Endpoint(ExpenseTwoPdpsFixture.Embedded), token);
        var cerbos = await ExpenseSession.Observe(fixture.Endpoint(ExpenseTwoPdpsFixture.Cerbos), token);

        Assert.True(embedded.SequenceEqual(cerbos),
            $"{user}\nembedded: {string.Join(" | ", embedded)}\ncerbos:   {string.Join(" | ", cerbos)}\n{fixture.Output}");
        Assert.Equal(user.Expected, embedded);
    }
}
