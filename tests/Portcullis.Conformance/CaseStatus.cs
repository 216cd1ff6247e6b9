namespace Portcullis.Conformance;

/// <summary>How a conformance case was reported.</summary>
internal enum CaseStatus
{
    /// <summary>The case passed.</summary>
    Passed,

    /// <summary>The case failed and is in the skip list.</summary>
    Skipped,

    /// <summary>The case failed and is not in the skip list, or passed although it is in the skip list.</summary>
    Failed,
}
