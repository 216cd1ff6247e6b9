namespace Portcullis.AuthZen.Client;

/// <summary>Why a remote PDP gave no decision.</summary>
public enum PdpFailureKind
{
    /// <summary>The PDP did not answer within <see cref="AuthZenClientOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The connection could not be made or broke (refused, reset, DNS failure).</summary>
    ConnectionFailed,

    /// <summary>The PDP answered with a status other than 2xx.</summary>
    HttpStatus,

    /// <summary>The PDP answered 2xx with a body that is not valid JSON, is too large, or lacks a boolean <c>decision</c>.</summary>
    InvalidResponse,

    /// <summary>The circuit breaker is open after repeated failures: the call was not attempted.</summary>
    CircuitOpen,
}
