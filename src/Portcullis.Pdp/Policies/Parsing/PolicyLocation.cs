namespace Portcullis.Pdp.Policies.Parsing;

/// <summary>Where something was written: file, one-based line and column.</summary>
internal sealed record PolicyLocation(string File, int Line, int Column);
