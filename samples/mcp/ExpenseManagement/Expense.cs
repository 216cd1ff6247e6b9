namespace ExpenseManagement;

/// <summary>One expense claim of the demo's Expense Management system.</summary>
/// <param name="Id">The expense identifier, e.g. <c>exp-1001</c> (the AuthZEN resource id of view and approve).</param>
/// <param name="Employee">Who claimed it.</param>
/// <param name="Description">What it was for.</param>
/// <param name="Amount">The amount claimed, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="Status"><c>submitted</c> or <c>approved</c>.</param>
/// <param name="ApprovalComment">The approver's note, or null.</param>
public sealed record Expense(
    string Id,
    string Employee,
    string Description,
    decimal Amount,
    string Currency,
    string Status,
    string? ApprovalComment = null);
