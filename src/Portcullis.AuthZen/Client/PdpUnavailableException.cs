namespace Portcullis.AuthZen.Client;

/// <summary>Thrown when a remote PDP gives no usable decision: timeout, connection failure, non-2xx status, invalid
/// response or an open circuit breaker. The gateway fails closed on it (503 with <c>Retry-After</c>, nothing forwarded)
/// unless the route is configured to fail open.</summary>
/// <remarks>The message names the PDP by origin only (scheme, host, port) and never carries request or response bodies,
/// credentials or tokens.</remarks>
public sealed class PdpUnavailableException : Exception
{
    /// <summary>Creates an exception of <paramref name="kind"/> with a message free of secrets.</summary>
    public PdpUnavailableException(PdpFailureKind kind, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>Creates an exception of kind <see cref="PdpFailureKind.ConnectionFailed"/>.</summary>
    public PdpUnavailableException()
        : this(PdpFailureKind.ConnectionFailed, "The PDP is unavailable.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="PdpFailureKind.ConnectionFailed"/> with <paramref name="message"/>.</summary>
    public PdpUnavailableException(string message)
        : this(PdpFailureKind.ConnectionFailed, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="PdpFailureKind.ConnectionFailed"/> with <paramref name="message"/>.</summary>
    public PdpUnavailableException(string message, Exception innerException)
        : this(PdpFailureKind.ConnectionFailed, message, null, innerException)
    {
    }

    /// <summary>Gets why the PDP gave no decision.</summary>
    public PdpFailureKind Kind { get; }

    /// <summary>Gets the PDP's HTTP status for <see cref="PdpFailureKind.HttpStatus"/>, otherwise null.</summary>
    public int? StatusCode { get; }
}
