namespace Portcullis.Gateway.Configuration;

/// <summary>Where the gateway writes its decision records (<c>decision_records.output</c>).</summary>
public enum DecisionRecordOutput
{
    /// <summary>One JSON line per record on standard output, written by a background writer (the default; logs go to
    /// standard error, so stdout is the machine-readable record stream).</summary>
    Stdout,

    /// <summary>One JSON line per record at Information on the log category <c>Portcullis.Decisions</c> (slower: each
    /// record goes through the logging pipeline).</summary>
    Log,

    /// <summary>No built-in output; only sinks registered in code receive records.</summary>
    None,
}
