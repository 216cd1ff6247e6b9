using Portcullis.Pdp.Engine;

namespace Portcullis.Pdp.Policies;

/// <summary>A compiled, immutable set of policies. Thread-safe; replaced as a whole on reload.</summary>
public sealed class PolicySet
{
    /// <summary>Loads every policy file (*.yaml, *.yml, *.json) under <paramref name="path"/>, recursively. Never throws
    /// for bad content: problems come back as diagnostics with file and line.</summary>
    public static PolicyLoadResult LoadFromDirectory(string path) => throw new NotImplementedException();

    /// <summary>Decides <paramref name="input"/>: deny overrides allow, default deny, an erroring condition grants nothing.</summary>
    public PolicyDecision Check(CheckInput input) => throw new NotImplementedException();

    /// <summary>Returns the action names that rules for <paramref name="resourceKind"/> name explicitly (not wildcards),
    /// in a stable order; the candidates of an action search.</summary>
    public IReadOnlyList<string> ActionsFor(string resourceKind) => throw new NotImplementedException();
}
