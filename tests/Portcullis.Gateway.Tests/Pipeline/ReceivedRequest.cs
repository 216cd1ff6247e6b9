namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>A request as the upstream received it.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Protocol = "HTTP/1.1");
