using System.Text.Json.Serialization;
using Portcullis.AuthZen.Model;
using Portcullis.AuthZen.Protocol;

namespace Portcullis.AuthZen;

/// <summary>
/// Serializes every AuthZEN wire type without reflection: property names exactly as declared (case-sensitive),
/// unknown members ignored, nulls omitted, duplicate member names rejected.
/// </summary>
/// <remarks>AuthZEN 1.0, "JSON Serialization" (receivers ignore unknown fields) and "JSON Payload Considerations"
/// (I-JSON: unique member names; nulls omitted rather than sent).</remarks>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    AllowDuplicateProperties = false,
    MaxDepth = 64)]
[JsonSerializable(typeof(Subject))]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(AccessAction))]
[JsonSerializable(typeof(EvaluationRequest))]
[JsonSerializable(typeof(EvaluationItem))]
[JsonSerializable(typeof(EvaluationsRequest))]
[JsonSerializable(typeof(EvaluationOptions))]
[JsonSerializable(typeof(EvaluationResponse))]
[JsonSerializable(typeof(EvaluationsResponse))]
[JsonSerializable(typeof(SearchRequest))]
[JsonSerializable(typeof(SearchResponse<Subject>))]
[JsonSerializable(typeof(SearchResponse<Resource>))]
[JsonSerializable(typeof(SearchResponse<AccessAction>))]
[JsonSerializable(typeof(PageRequest))]
[JsonSerializable(typeof(PageResponse))]
[JsonSerializable(typeof(PdpMetadata))]
[JsonSerializable(typeof(AuthZenError))]
[JsonSerializable(typeof(AuthZenErrorBody))]
public sealed partial class AuthZenJsonContext : JsonSerializerContext;
