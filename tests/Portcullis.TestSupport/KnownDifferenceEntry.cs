using System.Text.RegularExpressions;

namespace Portcullis.TestSupport;

/// <summary>One line of a known-differences file: a disagreement that is understood and accepted.</summary>
/// <param name="Pattern">The regular expression matched against a difference's subject text.</param>
/// <param name="Reason">Why the difference is accepted.</param>
/// <param name="Line">The 1-based line of the file the entry stands on.</param>
public sealed record KnownDifferenceEntry(Regex Pattern, string Reason, int Line);
