using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>Counts agreements, permits and known differences of the Cerbos differential test, keeps the unexplained
/// disagreements and writes the summary.</summary>
internal sealed class DifferentialTally(KnownDifferenceList known)
{
    private readonly Dictionary<KnownDifferenceEntry, int> _knownHits = [];
    private readonly Dictionary<string, (int Count, int Permits)> _byKind = new(StringComparer.Ordinal);
    private readonly List<string> _disagreements = [];

    /// <summary>Gets the number of evaluations compared.</summary>
    public int Count { get; private set; }

    /// <summary>Gets how many evaluations both PDPs decided the same way.</summary>
    public int Agreements { get; private set; }

    /// <summary>Gets how many evaluations Cerbos permitted.</summary>
    public int CerbosPermits { get; private set; }

    /// <summary>Gets how many evaluations Portcullis permitted.</summary>
    public int PortcullisPermits { get; private set; }

    /// <summary>Gets the disagreements no known difference explains, each with the request and both answers.</summary>
    public IReadOnlyList<string> Disagreements => _disagreements;

    /// <summary>Gets how many of <see cref="Count"/> were single-evaluation calls.</summary>
    public int Singles { get; private set; }

    /// <summary>Records one single-endpoint evaluation and both decisions.</summary>
    public void AddSingle(JsonObject request, bool portcullis, bool cerbos)
    {
        Singles++;
        Add(request, portcullis, cerbos, "single");
    }

    /// <summary>Records one batch evaluation (<paramref name="request"/> with batch defaults applied) and both
    /// decisions.</summary>
    public void Add(JsonObject request, bool portcullis, bool cerbos) => Add(request, portcullis, cerbos, "batch");

    private void Add(JsonObject request, bool portcullis, bool cerbos, string endpoint)
    {
        Count++;
        if (cerbos) CerbosPermits++;
        if (portcullis) PortcullisPermits++;
        var kind = (string?)request["resource"]?["type"] ?? "?";
        var (kindCount, kindPermits) = _byKind.GetValueOrDefault(kind);
        _byKind[kind] = (kindCount + 1, kindPermits + (cerbos ? 1 : 0));
        if (portcullis == cerbos)
        {
            Agreements++;
            return;
        }
        var json = request.ToJsonString();
        var subject = KnownDifference.Subject(json, portcullis, cerbos);
        var match = known.Match(subject);
        if (match is not null)
        {
            _knownHits[match] = _knownHits.GetValueOrDefault(match) + 1;
            return;
        }
        _disagreements.Add($"  ({endpoint}) {json}\n    portcullis: {(portcullis ? "permit" : "deny")}, cerbos: {(cerbos ? "permit" : "deny")}");
    }

    /// <summary>Returns the human-readable summary written to <c>artifacts/cerbos-differential-summary.txt</c>.</summary>
    public string Summary(int seed, TimeSpan elapsed, bool cerbosOnly)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("Cerbos differential test: portcullis pdp vs Cerbos 0.55 over AuthZEN (/access/v1/evaluations and /access/v1/evaluation)");
        text.AppendLine(c, $"Policies: samples/differential/policies; seed {seed}; {Count} evaluations ({Count - Singles} in batches, {Singles} single calls); {elapsed.TotalSeconds:F1} s");
        if (cerbosOnly) text.AppendLine("CERBOS ONLY: portcullis pdp was not started, nothing was compared.");
        text.AppendLine(c, $"Cerbos decisions: {CerbosPermits} permits ({Share(CerbosPermits)}), {Count - CerbosPermits} denies");
        text.AppendLine(c, $"Portcullis decisions: {PortcullisPermits} permits ({Share(PortcullisPermits)}), {Count - PortcullisPermits} denies");
        text.AppendLine("Per resource type (evaluations, Cerbos permits):");
        foreach (var (kind, (count, permits)) in _byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            text.AppendLine(c, $"  {kind,-10} {count,6} {permits,6}");
        }
        text.AppendLine(c, $"Agreements: {Agreements} of {Count}");
        text.AppendLine(c, $"Known differences: {_knownHits.Values.Sum()}");
        foreach (var entry in known.Entries)
        {
            var hits = _knownHits.GetValueOrDefault(entry);
            text.AppendLine(c, $"  {hits,6}  {entry.Reason}{(hits == 0 ? " (matched nothing in this run)" : "")}");
        }
        text.AppendLine(c, $"Disagreements: {_disagreements.Count}");
        foreach (var d in _disagreements.Take(100)) text.AppendLine(d);
        return text.ToString();
    }

    private string Share(int part) => Count == 0 ? "-" : ((double)part / Count).ToString("P1", CultureInfo.InvariantCulture);
}
