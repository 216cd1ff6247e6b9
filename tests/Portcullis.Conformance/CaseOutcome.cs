namespace Portcullis.Conformance;

/// <summary>The result of running one conformance case.</summary>
/// <param name="Passed">Whether the engine produced the expected result.</param>
/// <param name="Message">Why it did not (first line is a one-line summary), or an empty string.</param>
internal sealed record CaseOutcome(bool Passed, string Message)
{
    /// <summary>Gets the passing outcome.</summary>
    public static CaseOutcome Pass { get; } = new(true, "");

    /// <summary>Gets the first line of <see cref="Message"/>.</summary>
    public string FirstLine => Message.Split('\n', 2)[0].Trim();

    /// <summary>Creates a failing outcome.</summary>
    public static CaseOutcome Fail(string message) => new(false, message);
}
