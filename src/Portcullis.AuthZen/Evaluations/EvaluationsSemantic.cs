namespace Portcullis.AuthZen.Evaluations;

/// <summary>How an Access Evaluations request runs its items.</summary>
/// <remarks>AuthZEN 1.0, "Evaluations semantics".</remarks>
public enum EvaluationsSemantic
{
    /// <summary>Runs every item and returns every decision (<c>execute_all</c>, the default).</summary>
    ExecuteAll,

    /// <summary>Stops after the first deny or failed item, which is the last decision returned (<c>deny_on_first_deny</c>).</summary>
    DenyOnFirstDeny,

    /// <summary>Stops after the first permit, which is the last decision returned (<c>permit_on_first_permit</c>).</summary>
    PermitOnFirstPermit,
}
