using System.Text.Json.Serialization;

namespace Portcullis.Gateway.Observability;

/// <summary>Source-generated JSON for <see cref="DecisionRecord"/>: snake_case names (as the gateway's problem
/// responses and AuthZEN use), null members left out, one line per record.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(DecisionRecord))]
internal sealed partial class DecisionRecordJsonContext : JsonSerializerContext;
