namespace Portcullis.Gateway.Mcp.Coaz;

/// <summary>The envelope of a COAZ mapping: which AuthZEN API the constructed request goes to.</summary>
public enum CoazEnvelope
{
    /// <summary><c>evaluation</c>: one Access Evaluation request.</summary>
    Evaluation,

    /// <summary><c>evaluations</c>: one Access Evaluations request with an entry per decision.</summary>
    Evaluations,
}
