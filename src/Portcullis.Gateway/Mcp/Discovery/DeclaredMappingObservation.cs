namespace Portcullis.Gateway.Mcp.Discovery;

/// <summary>What <see cref="DeclaredMappingStore{TCompiled}.Observe"/> recorded from one <c>tools/list</c> page.</summary>
/// <param name="Recorded">Tools recorded from the page.</param>
/// <param name="Declared">Of those, tools with a usable declared mapping.</param>
/// <param name="Invalid">Of those, tools whose declared mapping cannot be used.</param>
/// <param name="Skipped">Tools not recorded (no name, or over <see cref="DeclaredMappingLimits.MaxToolsPerUpstream"/>).</param>
/// <param name="Published">Whether the page completed a list, which replaced the upstream's set.</param>
/// <param name="Valid">Whether the page was a <c>tools/list</c> result at all (an object with one <c>tools</c> array).</param>
public readonly record struct DeclaredMappingObservation(int Recorded, int Declared, int Invalid, int Skipped, bool Published, bool Valid);
