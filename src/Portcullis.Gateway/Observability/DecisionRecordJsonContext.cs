using System.Text.Json.Serialization;

namespace Portcullis.Gateway.Observability;

/// <summary>Source-generated JSON for <see cref="DecisionRecord"/> (read back by tests and tools; written by
/// <see cref="DecisionRecordJson"/>, which must produce the same): snake_case names (as the gateway's problem
/// responses and AuthZEN use), null members left out, one line per record.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(DecisionRecord))]
[JsonSerializable(typeof(IReadOnlyList<Mcp.Stage.McpMessageRecord>))]
internal sealed partial class DecisionRecordJsonContext : JsonSerializerContext;
