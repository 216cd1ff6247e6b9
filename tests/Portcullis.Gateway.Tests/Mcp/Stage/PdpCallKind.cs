namespace Portcullis.Gateway.Tests.Mcp.Stage;

/// <summary>Which AuthZEN API the gateway called.</summary>
internal enum PdpCallKind
{
    /// <summary>Access Evaluation: one decision.</summary>
    Evaluation,

    /// <summary>Access Evaluations: one call, several decisions.</summary>
    Evaluations,
}
