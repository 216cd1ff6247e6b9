namespace Portcullis.Gateway.Observability;

/// <summary>Where decision records go. The default writes one JSON line per record to the <c>Portcullis.Decisions</c>
/// log category; register another (or several) in DI to ship them elsewhere. Must not throw or block.</summary>
public interface IDecisionRecordSink
{
    /// <summary>Takes one record.</summary>
    void Write(DecisionRecord record);
}
