namespace Portcullis.TestSupport;

/// <summary>A request as the upstream received it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Protocol = "HTTP/1.1");
