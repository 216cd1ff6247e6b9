using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Portcullis.FunctionalTests.Cerbos;

/// <summary>Differential test against the real Cerbos PDP: Cerbos 0.55 and <c>portcullis pdp</c>, both started here on
/// <c>samples/differential/policies</c>, must give the same decision to every generated AuthZEN evaluation, sent to
/// both over HTTP as <c>/access/v1/evaluations</c> batches (and one in ten again on <c>/access/v1/evaluation</c>), unless the disagreement is a documented Cerbos behaviour
/// listed in <c>known-differences.txt</c>. The seed is fixed; set <c>CERBOS_DIFFERENTIAL_SEED</c> to explore others.
/// <c>CERBOS_DIFFERENTIAL_CERBOS_ONLY=1</c> runs Cerbos alone (to work on the generator or the policies): nothing is
/// compared then, and the test still checks the decision mix.</summary>
public sealed class CerbosDifferentialTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_124;
    private const int Batches = 24;
    private const int BatchSize = 100;
    private const int SingleEvery = 10;
    private const double MinPermitShare = 0.2;
    private const double MaxPermitShare = 0.8;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CERBOS_DIFFERENTIAL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
        ? s
        : DefaultSeed;

    private static string DifferentialPolicies => Path.Combine(RepoPaths.Samples, "differential", "policies");

    private static bool CerbosOnly => Environment.GetEnvironmentVariable("CERBOS_DIFFERENTIAL_CERBOS_ONLY") == "1";

    [Fact]
    public async Task GeneratedEvaluations_PortcullisAndCerbos_SameDecisions()
    {
        using var timeout = new CancellationTokenSource(Budget);
        var clock = Stopwatch.StartNew();
        var seed = Seed;
        var policies = DifferentialPolicies;
        var batches = new AuthZenRequestGenerator(seed).Generate(Batches, BatchSize);

        var (cerbosProcess, portcullisProcess) = await StartBothAsync(policies, timeout.Token);
        await using var cerbos = cerbosProcess;
        await using var portcullis = portcullisProcess;
        using var cerbosHttp = new HttpClient { BaseAddress = cerbos.BaseAddress };
        using var portcullisHttp = new HttpClient { BaseAddress = portcullis?.BaseAddress ?? cerbos.BaseAddress };
        var cerbosClient = new AuthZenClient(cerbosHttp, "Cerbos");
        var portcullisClient = new AuthZenClient(portcullisHttp, "portcullis pdp");

        var tally = new DifferentialTally(KnownDifference.Load());
        var cerbosBatchDecisions = new Dictionary<JsonObject, bool>(ReferenceEqualityComparer.Instance);
        var cerbosInconsistent = new List<string>();
        foreach (var batch in batches)
        {
            var theirs = cerbosClient.EvaluateAsync(batch.Body, timeout.Token);
            var ours = portcullis is null ? theirs : portcullisClient.EvaluateAsync(batch.Body, timeout.Token);
            await Task.WhenAll(theirs, ours);
            for (var n = 0; n < batch.Items.Count; n++)
            {
                tally.Add(batch.Items[n], (await ours)[n], (await theirs)[n]);
                cerbosBatchDecisions[batch.Items[n]] = (await theirs)[n];
            }
        }

        // Every tenth evaluation again on the single endpoint, a few calls at a time.
        var singles = batches.SelectMany(b => b.Items).Where((_, n) => n % SingleEvery == 0).ToList();
        await Parallel.ForEachAsync(singles, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = timeout.Token }, async (item, ct) =>
        {
            var theirs = await cerbosClient.EvaluateOneAsync(item, ct);
            var ours = portcullis is null ? theirs : await portcullisClient.EvaluateOneAsync(item, ct);
            lock (tally)
            {
                tally.AddSingle(item, ours, theirs);
                if (theirs != cerbosBatchDecisions[item]) cerbosInconsistent.Add(item.ToJsonString());
            }
        });

        var summary = tally.Summary(seed, clock.Elapsed, cerbosOnly: portcullis is null);
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Artifacts, "cerbos-differential-summary.txt"), summary, timeout.Token);
        output.WriteLine(summary);

        // The generator keeps each batch consistent with Cerbos's grouping of evaluations (see AuthZenRequestGenerator).
        Assert.True(cerbosInconsistent.Count == 0,
            $"Cerbos decided {cerbosInconsistent.Count} evaluations differently alone than in their batch; first:\n" +
            string.Join('\n', cerbosInconsistent.Take(5)));
        Assert.True(tally.Count >= 2000, $"Only {tally.Count} evaluations were generated.");
        Assert.True(tally.Disagreements.Count == 0,
            $"{tally.Disagreements.Count} of {tally.Count} evaluations disagree with Cerbos (seed {seed}); first 20:\n" +
            string.Join('\n', tally.Disagreements.Take(20)));
        var permitShare = (double)tally.CerbosPermits / tally.Count;
        Assert.True(permitShare is >= MinPermitShare and <= MaxPermitShare,
            $"Cerbos permitted {tally.CerbosPermits} of {tally.Count} evaluations ({permitShare:P0}); a useful differential needs between {MinPermitShare:P0} and {MaxPermitShare:P0}.");
    }

    [Fact]
    public void Generator_SameSeed_SameRequests()
    {
        var first = new AuthZenRequestGenerator(7).Generate(3, 50);
        var second = new AuthZenRequestGenerator(7).Generate(3, 50);
        Assert.Equal(first.Select(b => b.Body.ToJsonString()), second.Select(b => b.Body.ToJsonString()));
    }

    [Fact]
    public void Generator_BatchItems_ApplyDefaultsAsCerbosDoes()
    {
        foreach (var batch in new AuthZenRequestGenerator(11).Generate(20, 100))
        {
            var evaluations = batch.Body["evaluations"]!.AsArray();
            Assert.Equal(evaluations.Count, batch.Items.Count);
            for (var n = 0; n < evaluations.Count; n++)
            {
                var expectedSubject = evaluations[n]!["subject"] ?? batch.Body["subject"];
                Assert.Equal(expectedSubject!.ToJsonString(), batch.Items[n]["subject"]!.ToJsonString());
            }
        }
    }

    [Fact]
    public async Task CerbosCompile_DifferentialPolicies_Succeeds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var compile = ChildProcess.Start(RepoPaths.CerbosBinary, ["compile", DifferentialPolicies], RepoPaths.Root);
        var exitCode = await compile.WaitForExitAsync(timeout.Token);
        Assert.True(exitCode == 0, $"cerbos compile rejected samples/differential/policies:\n{compile.Output}");
    }

    /// <summary>Starts both PDPs side by side; when either fails, stops the other before rethrowing.</summary>
    private static async Task<(CerbosProcess Cerbos, PortcullisPdpProcess? Portcullis)> StartBothAsync(string policies, CancellationToken cancellationToken)
    {
        var cerbos = CerbosProcess.StartAsync(policies, cancellationToken);
        var portcullis = CerbosOnly ? Task.FromResult<PortcullisPdpProcess?>(null) : StartPortcullisAsync(policies, cancellationToken);
        try
        {
            await Task.WhenAll(cerbos, portcullis);
        }
        catch
        {
            if (cerbos.IsCompletedSuccessfully) await cerbos.Result.DisposeAsync();
            if (portcullis is { IsCompletedSuccessfully: true, Result: { } started }) await started.DisposeAsync();
            throw;
        }
        return (await cerbos, await portcullis);
    }

    private static async Task<PortcullisPdpProcess?> StartPortcullisAsync(string policies, CancellationToken cancellationToken) =>
        await PortcullisPdpProcess.StartAsync(policies, cancellationToken: cancellationToken);
}
