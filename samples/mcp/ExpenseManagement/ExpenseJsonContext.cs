using System.Text.Json.Serialization;

namespace ExpenseManagement;

/// <summary>The JSON of the tools' results: expenses in snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(Expense))]
[JsonSerializable(typeof(IReadOnlyList<Expense>))]
internal sealed partial class ExpenseJsonContext : JsonSerializerContext;
