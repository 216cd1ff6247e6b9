namespace Portcullis.Conformance;

/// <summary>Shared by the conformance tests: loads the skip list and, after the last case, writes the summary
/// (and the regenerated skip list when <c>CEL_CONFORMANCE_WRITE_SKIPS=1</c>).</summary>
public sealed class ConformanceFixture : IDisposable
{
    /// <summary>Gets a value indicating whether the skip list is being regenerated from the current failures.</summary>
    internal static bool WriteSkips => Environment.GetEnvironmentVariable("CEL_CONFORMANCE_WRITE_SKIPS") == "1";

    /// <summary>Gets the checked-in skip list (case id to reason).</summary>
    internal IReadOnlyDictionary<string, string> Skips { get; } = SkipList.Load();

    /// <inheritdoc />
    public void Dispose()
    {
        if (ConformanceResults.Count == 0) return;
        var data = ConformanceData.Instance;
        ConformanceResults.WriteSummary(data);
        if (WriteSkips) ConformanceResults.WriteSkipList(data, Skips);
    }
}
