using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace ExpenseManagement;

/// <summary>The server's three tools over an <see cref="ExpenseBook"/>. Each returns the expense(s) as JSON text; an
/// unknown id is a tool error (<c>isError: true</c>), not a protocol error.</summary>
public sealed class ExpenseTools
{
    private readonly ExpenseBook _book;

    /// <summary>Creates the tools over <paramref name="book"/>.</summary>
    public ExpenseTools(ExpenseBook book) => _book = book;

    /// <summary>Returns the MCP tools <c>list_expenses</c>, <c>view_expense</c> and <c>approve_expense</c>, each with
    /// its declared AuthZEN mapping (<see cref="ExpenseMappings"/>) in its input schema.</summary>
    public IReadOnlyList<McpServerTool> Create() =>
    [
        McpServerTool.Create(ListExpenses, new()
        {
            Name = "list_expenses",
            Title = "List expenses",
            Description = "Lists the expense claims, optionally only those with a given status.",
            ReadOnly = true,
        }).WithAuthZenMapping(ExpenseMappings.ListExpenses),
        McpServerTool.Create(ViewExpense, new()
        {
            Name = "view_expense",
            Title = "View an expense",
            Description = "Shows one expense claim.",
            ReadOnly = true,
        }).WithAuthZenMapping(ExpenseMappings.ViewExpense),
        McpServerTool.Create(ApproveExpense, new()
        {
            Name = "approve_expense",
            Title = "Approve an expense",
            Description = "Approves a submitted expense claim.",
            ReadOnly = false,
            Destructive = false,
            Idempotent = true,
        }).WithAuthZenMapping(ExpenseMappings.ApproveExpense),
    ];

    private string ListExpenses(
        [Description("Only expenses with this status: submitted or approved.")] string? status = null) =>
        JsonSerializer.Serialize(_book.List(status), ExpenseJsonContext.Default.IReadOnlyListExpense);

    private string ViewExpense([Description("The expense identifier, e.g. exp-1001.")] string id) =>
        JsonSerializer.Serialize(_book.Find(id) ?? throw NotFound(id), ExpenseJsonContext.Default.Expense);

    private string ApproveExpense(
        [Description("The expense identifier, e.g. exp-1001.")] string id,
        [Description("A note for the employee.")] string? comment = null) =>
        JsonSerializer.Serialize(_book.Approve(id, comment) ?? throw NotFound(id), ExpenseJsonContext.Default.Expense);

    // The SDK turns an McpException thrown by a tool into a result with isError: true and this message.
    private static McpException NotFound(string id) => new($"There is no expense '{id}'.");
}
