
namespace Portcullis.Pdp.Engine;

/// <summary>The compiler's output: the policies the engine consults, with the sizes of its per-check caches.</summary>
internal sealed record CompiledPolicies(
    IReadOnlyDictionary<string, ResourcePolicy> ResourcePolicies,
    IReadOnlyDictionary<string, PrincipalPolicy> PrincipalPolicies,
    int PolicyCount,
    int RuleCount,
    int DerivedRoleCount,
    int VariableCount);
