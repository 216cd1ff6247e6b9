namespace Portcullis.Gateway.Tests.Hostile;

/// <summary>One request sent to the gateway by a hostile test: the request id it carried and the response it got.</summary>
internal sealed record HostileExchange(string RequestId, RawHttpResponse Response);
