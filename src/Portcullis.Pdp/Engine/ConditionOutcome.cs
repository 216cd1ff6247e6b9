namespace Portcullis.Pdp.Engine;

/// <summary>The result of a condition: it holds, it does not, or it failed (and so grants nothing).</summary>
internal enum ConditionOutcome : byte
{
    /// <summary>Not evaluated yet in this check (used by per-check caches).</summary>
    Unknown = 0,
    /// <summary>The condition does not hold.</summary>
    False = 1,
    /// <summary>The condition holds.</summary>
    True = 2,
    /// <summary>Evaluating the condition failed.</summary>
    Error = 3,
}
