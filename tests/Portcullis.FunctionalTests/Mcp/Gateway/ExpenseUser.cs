namespace Portcullis.FunctionalTests.Mcp.Gateway;

/// <summary>A user of the Expense Management server as its token describes it, and what the expense policies should
/// let that user see and do through the gateway.</summary>
/// <param name="Subject">The token's <c>sub</c>.</param>
/// <param name="Roles">The token's <c>roles</c>.</param>
/// <param name="Amr">The token's <c>amr</c> (how the user signed in, RFC 8176).</param>
/// <param name="Expected">The expected <see cref="ExpenseSession.Observe"/> lines, in the order it reports them.</param>
public sealed record ExpenseUser(string Subject, string[] Roles, string[] Amr, string[] Expected)
{
    /// <inheritdoc />
    public override string ToString() => $"{Subject} (roles [{string.Join(", ", Roles)}], amr [{string.Join(", ", Amr)}])";
}
