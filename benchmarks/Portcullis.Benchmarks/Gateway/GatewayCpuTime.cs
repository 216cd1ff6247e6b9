using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;

namespace Portcullis.Benchmarks.Gateway;

/// <summary><c>--gateway-cpu REQUESTS [ROW]</c>: sends each row (or only ROW, e.g. for a profiler) of <see cref="GatewayRequestBenchmarks"/> REQUESTS times, one
/// after another, and prints the process's CPU time per request (user + system, all threads) and its allocation.</summary>
/// <remarks>On a shared machine, wall-clock means swing with the neighbours' load; the CPU time a process spends on a
/// fixed amount of work swings much less, so this compares builds where BenchmarkDotNet's means cannot.</remarks>
internal static class GatewayCpuTime
{
    public static int Run(string[] args)
    {
        var requests = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var gateway = BenchmarkGateway.StartAsync().GetAwaiter().GetResult();
        var bare = BenchmarkGateway.StartBareYarpAsync().GetAwaiter().GetResult();
        var bareServer = bare.GetTestServer();
        var only = args.Length > 2 ? args[2] : null;
        (string Name, Func<Task<int>> Send)[] all =
        [
            ("BareYarp", () => BenchmarkGateway.GetAsync(bareServer, "/api/items/42", null)),
            ("BareYarpWithToken", () => BenchmarkGateway.GetAsync(bareServer, "/api/items/42", gateway.Authorization)),
            ("Anonymous", () => BenchmarkGateway.GetAsync(gateway.Server, "/anon/items/42", null)),
            ("JwtCachedDecision", () => BenchmarkGateway.GetAsync(gateway.Server, "/api/items/42", gateway.Authorization)),
            ("JwtEmbeddedPdp", () => BenchmarkGateway.GetAsync(gateway.Server, "/nocache/items/42", gateway.Authorization)),
        ];
        var rows = Array.FindAll(all, row => only is null || row.Name == only);
        if (rows.Length == 0) throw new ArgumentException($"no row named {only}; rows: {string.Join(", ", all.Select(row => row.Name))}");
        // Two rounds: the first warms up (JIT tiers, caches); the second is printed.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, send) in rows)
            {
                var process = Process.GetCurrentProcess();
                GC.Collect();
                var cpu = process.TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var wall = Stopwatch.StartNew();
                for (var i = 0; i < requests; i++)
                {
                    var status = send().GetAwaiter().GetResult();
                    if (status != 200) throw new InvalidOperationException($"{name}: status {status}");
                }
                process.Refresh();
                var used = process.TotalProcessorTime - cpu;
                if (round == 1)
                {
                    Console.WriteLine($"{name,-18} cpu {used.TotalMicroseconds / requests,7:F1} us/request   wall {wall.Elapsed.TotalMicroseconds / requests,7:F1} us   alloc {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)requests,8:F0} B/request");
                }
            }
        }
        bare.DisposeAsync().AsTask().GetAwaiter().GetResult();
        gateway.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }
}
