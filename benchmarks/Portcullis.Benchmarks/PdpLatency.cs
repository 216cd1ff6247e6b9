using System.Diagnostics;
using System.Globalization;

namespace Portcullis.Benchmarks;

/// <summary>
/// Per-decision latency distribution of the embedded PDP on one thread (BenchmarkDotNet reports means; the issue
/// asks for p99). Times every one of a few million decisions with the high-resolution clock, cycling through the
/// <see cref="PdpBenchmarks"/> inputs. Run: <c>dotnet run -c Release --project benchmarks/Portcullis.Benchmarks -- --pdp-latency</c>.
/// </summary>
internal static class PdpLatency
{
    public static void Run(int decisions = 3_000_000)
    {
        var bench = new PdpBenchmarks();
        bench.Setup();
        Func<bool>[] cases = [bench.OwnerEdits, bench.ViewPublished, bench.ConditionalRules, bench.WildcardAction, bench.Denied];
        for (var i = 0; i < 500_000; i++) cases[i % cases.Length]();

        var ticks = new long[decisions];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < decisions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            cases[i % cases.Length]();
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        total.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Array.Sort(ticks);
        double Ns(double q) => ticks[Math.Min(ticks.Length - 1, (int)(q * ticks.Length))] * 1e9 / Stopwatch.Frequency;
        var perSecond = decisions / total.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PDP latency over {decisions:N0} decisions on one thread: p50 {Ns(0.50):F0} ns, p99 {Ns(0.99):F0} ns, p99.9 {Ns(0.999):F0} ns, max {Ns(1.0) / 1000:F1} µs; {perSecond:N0} decisions/s (timer included); {allocated / (double)decisions:F1} bytes allocated per decision"));
    }
}
