namespace ExpenseManagement;

/// <summary>How <see cref="ExpenseServerExtensions.AddExpenseServer"/> sets up the Expense Management MCP server.</summary>
public sealed class ExpenseServerOptions
{
    /// <summary>Gets or sets a value indicating whether the server runs without sessions (each POST stands alone, so a
    /// request needs no <c>initialize</c> and no <c>Mcp-Session-Id</c> first). Defaults to false (sessions on).</summary>
    public bool Stateless { get; set; }

    /// <summary>Gets or sets the expenses the tools serve. Defaults to a new <see cref="ExpenseBook"/> with the seed expenses.</summary>
    public ExpenseBook Book { get; set; } = new();
}
