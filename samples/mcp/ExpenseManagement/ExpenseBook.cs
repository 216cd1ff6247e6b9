using System.Collections.Concurrent;

namespace ExpenseManagement;

/// <summary>The expenses the server serves: a fixed seed set held in memory, changed only by approvals. Thread-safe.</summary>
public sealed class ExpenseBook
{
    /// <summary>The status of an expense waiting for approval.</summary>
    public const string Submitted = "submitted";

    /// <summary>The status of an approved expense.</summary>
    public const string Approved = "approved";

    private readonly ConcurrentDictionary<string, Expense> _expenses = new(StringComparer.Ordinal);

    /// <summary>Creates the book with the demo's seed expenses.</summary>
    public ExpenseBook()
    {
        foreach (var expense in Seed) _expenses[expense.Id] = expense;
    }

    /// <summary>Gets the demo's seed expenses, in id order.</summary>
    public static IReadOnlyList<Expense> Seed { get; } =
    [
        new("exp-1001", "dana", "Flight to the Berlin customer workshop", 412.80m, "EUR", Submitted),
        new("exp-1002", "erik", "Team dinner after the Q3 release", 236.50m, "EUR", Submitted),
        new("exp-1003", "dana", "Conference pass, AuthZEN summit", 1200.00m, "USD", Approved),
    ];

    /// <summary>Returns every expense, or only those with <paramref name="status"/>, in id order.</summary>
    public IReadOnlyList<Expense> List(string? status = null) =>
        _expenses.Values
            .Where(e => status is null || string.Equals(e.Status, status, StringComparison.Ordinal))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Returns the expense <paramref name="id"/>, or null when there is none.</summary>
    public Expense? Find(string id) => _expenses.GetValueOrDefault(id);

    /// <summary>Marks the expense <paramref name="id"/> approved, with the approver's <paramref name="comment"/>, and
    /// returns it; null when there is no such expense. Approving an approved expense changes nothing.</summary>
    public Expense? Approve(string id, string? comment)
    {
        while (_expenses.TryGetValue(id, out var current))
        {
            if (current.Status == Approved) return current;
            var approved = current with { Status = Approved, ApprovalComment = comment };
            if (_expenses.TryUpdate(id, approved, current)) return approved;
        }
        return null;
    }
}
