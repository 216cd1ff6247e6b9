namespace Portcullis.Pdp.Engine;

/// <summary>A compiled principal policy: overrides for one principal id, consulted before resource policies.</summary>
/// <param name="Key">The policy key, e.g. <c>principal.alice.vdefault</c>.</param>
/// <param name="Principal">The principal id.</param>
/// <param name="Version">The policy version.</param>
/// <param name="Rules">The action rules in policy order.</param>
internal sealed record PrincipalPolicy(string Key, string Principal, string Version, PrincipalRule[] Rules);
