namespace Portcullis.TestSupport;

/// <summary>A request as the upstream received it: <paramref name="Path"/> as Kestrel decoded it, <paramref name="RawTarget"/>
/// as it came over the wire (what an upstream with other decoding rules would interpret).</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Protocol = "HTTP/1.1", string RawTarget = "");
