namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>A request as the upstream received it: <paramref name="Path"/> as Kestrel decoded it, <paramref name="RawTarget"/>
/// as it came over the wire (what an upstream with other decoding rules would interpret).</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string RawTarget = "");
