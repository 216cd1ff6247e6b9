using Portcullis.Pdp.Engine;

namespace Portcullis.Pdp.Service;

/// <summary>The decisions a snapshot needs: the policy set in production, a small fake in tests.</summary>
internal interface IDecisionEngine
{
    /// <summary>Decides one question.</summary>
    PolicyDecision Check(CheckInput input);

    /// <summary>Returns the actions named for <paramref name="resourceKind"/>, in a stable order.</summary>
    IReadOnlyList<string> ActionsFor(string resourceKind);
}
