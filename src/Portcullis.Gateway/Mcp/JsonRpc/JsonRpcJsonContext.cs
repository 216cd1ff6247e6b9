using System.Text.Json.Serialization;

namespace Portcullis.Gateway.Mcp.JsonRpc;

/// <summary>Source-generated serialization for the few plain values the JSON-RPC layer writes.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class JsonRpcJsonContext : JsonSerializerContext;
