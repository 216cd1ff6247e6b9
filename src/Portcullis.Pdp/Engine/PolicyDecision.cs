namespace Portcullis.Pdp.Engine;

/// <summary>The engine's answer with its explanation.</summary>
/// <param name="Allowed">True only when an allow rule matched and no deny rule did.</param>
/// <param name="Policy">The policy that decided (e.g. <c>resource.document.vdefault</c>), or null for the default deny.</param>
/// <param name="Rule">The rule that decided (its name, or <c>#index</c> when unnamed), or null.</param>
/// <param name="Errors">Conditions that failed to evaluate (they granted nothing), each naming policy, rule and error.</param>
public sealed record PolicyDecision(bool Allowed, string? Policy, string? Rule, IReadOnlyList<string> Errors)
{
    /// <summary>Gets the default deny: no policy or rule matched.</summary>
    public static PolicyDecision DefaultDeny { get; } = new(false, null, null, []);
}
