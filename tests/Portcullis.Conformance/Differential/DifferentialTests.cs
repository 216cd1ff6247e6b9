using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Portcullis.Cel.Values;
using Xunit.Abstractions;

namespace Portcullis.Conformance.Differential;

/// <summary>Differential test: random well-typed expressions evaluated by Portcullis and by @bufbuild/cel must agree
/// (same value of the same kind, or both an error; messages are ignored) unless the disagreement is listed in
/// <c>known-differences.txt</c>. The seed is fixed; set <c>CEL_DIFFERENTIAL_SEED</c> to explore others.</summary>
public sealed partial class DifferentialTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_260_101;
    private const int Count = 10_000;
    private const int Batches = 5;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CEL_DIFFERENTIAL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
        ? s
        : DefaultSeed;

    [Fact]
    public void RandomExpressions_PortcullisAndBufbuildCel_Agree()
    {
        var clock = Stopwatch.StartNew();
        var seed = Seed;
        var cases = new ExpressionGenerator(seed).Generate(Count);
        var theirs = ReferenceEvaluator.Evaluate(cases, Batches);
        var ours = OurEvaluator.Evaluate(cases, TimeSpan.FromSeconds(30), out var crashes);
        var known = KnownDifference.Load();

        int agree = 0, bothError = 0;
        var knownHits = new Dictionary<string, int>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        for (var n = 0; n < cases.Count; n++)
        {
            var ourText = crashes.TryGetValue(n, out var crash) ? crash : TypedJson.Describe(ours[n]);
            if (crash is null && Agree(ours[n], theirs[n]))
            {
                agree++;
                if (ours[n].IsError) bothError++;
                continue;
            }
            var subject = KnownDifference.Subject(cases[n].Expr, ourText, TypedJson.Describe(theirs[n]));
            var match = known.Match(subject);
            if (match is not null)
            {
                knownHits[match.Reason] = knownHits.GetValueOrDefault(match.Reason) + 1;
                continue;
            }
            var vars = string.Join(", ", cases[n].Vars.Select(v => $"{v.Key}={TypedJson.Describe(v.Value)}"));
            disagreements.Add($"{cases[n].Expr}\n    vars: {{{vars}}}\n    ours:   {ourText}\n    theirs: {TypedJson.Describe(theirs[n])}");
        }

        var summary = new StringBuilder();
        summary.AppendLine("CEL differential test: Portcullis vs @bufbuild/cel");
        summary.AppendLine(CultureInfo.InvariantCulture, $"Seed {seed}, {cases.Count} expressions, {clock.Elapsed.TotalSeconds:F1} s");
        summary.AppendLine(CultureInfo.InvariantCulture, $"Agreements: {agree} ({bothError} of them both errors)");
        summary.AppendLine(CultureInfo.InvariantCulture, $"Known differences: {knownHits.Values.Sum()}");
        foreach (var (reason, hits) in knownHits) summary.AppendLine(CultureInfo.InvariantCulture, $"  {hits,6}  {reason}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"Disagreements: {disagreements.Count}");
        foreach (var d in disagreements.Take(200)) summary.AppendLine("  " + d);
        File.WriteAllText(Path.Combine(RepoPaths.Artifacts, "cel-differential-summary.txt"), summary.ToString());
        output.WriteLine(summary.ToString());

        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} of {cases.Count} expressions disagree with @bufbuild/cel (seed {seed}); first 20:\n  " +
            string.Join("\n  ", disagreements.Take(20)));
    }

    [Fact]
    public void Generator_SameSeed_SameExpressions()
    {
        var first = new ExpressionGenerator(7).Generate(200);
        var second = new ExpressionGenerator(7).Generate(200);
        Assert.Equal(first.Select(c => c.Expr), second.Select(c => c.Expr));
    }

    /// <summary>The generator must produce well-typed expressions: the reference evaluator may report runtime errors
    /// (division by zero, overflow, missing keys, ...), but never syntax errors or missing overloads.</summary>
    [Fact]
    public void Generator_ReferenceEvaluator_AcceptsExpressionsAsWellTyped()
    {
        var cases = new ExpressionGenerator(Seed).Generate(2_000);
        var results = ReferenceEvaluator.Evaluate(cases, 1);
        var illTyped = cases.Zip(results)
            .Where(p => p.Second.IsError && IllTyped().IsMatch(p.Second.AsError.Message))
            .Select(p => $"{p.First.Expr}  =>  {p.Second.AsError.Message}")
            .ToList();
        var errors = results.Count(r => r.IsError);
        output.WriteLine($"{errors} of {cases.Count} generated expressions evaluate to an error in @bufbuild/cel; most common:");
        foreach (var g in results.Where(r => r.IsError).GroupBy(r => Digits().Replace(r.AsError.Message, "N")).OrderByDescending(g => g.Count()).Take(15))
        {
            output.WriteLine($"  {g.Count(),5}  {g.Key}");
        }
        Assert.True(illTyped.Count == 0, "ill-typed expressions generated:\n" + string.Join("\n", illTyped.Take(20)));
        Assert.InRange(errors, 0, cases.Count / 3);
    }

    [GeneratedRegex("overload|unbound|expecting|syntax|undeclared|unresolved|harness|unsupported", RegexOptions.IgnoreCase)]
    private static partial Regex IllTyped();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private static bool Agree(CelValue ours, CelValue theirs) =>
        ours.IsError ? theirs.IsError : !theirs.IsError && StrictValueEquality.Equal(theirs, ours);
}
