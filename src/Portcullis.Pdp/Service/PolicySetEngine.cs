using Portcullis.Pdp.Engine;
using Portcullis.Pdp.Policies;

namespace Portcullis.Pdp.Service;

/// <summary>The production decision engine: a compiled <see cref="PolicySet"/>.</summary>
internal sealed class PolicySetEngine(PolicySet policies) : IDecisionEngine
{
    /// <summary>Loads the policy folder at <paramref name="path"/>.</summary>
    public static EngineLoadResult Load(string path)
    {
        var result = PolicySet.LoadFromDirectory(path);
        return new EngineLoadResult(result.Policies is { } set ? new PolicySetEngine(set) : null, result.Diagnostics);
    }

    public PolicyDecision Check(CheckInput input) => policies.Check(input);

    public IReadOnlyList<string> ActionsFor(string resourceKind) => policies.ActionsFor(resourceKind);
}
