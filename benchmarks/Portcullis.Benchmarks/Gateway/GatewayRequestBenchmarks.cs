using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Portcullis.Benchmarks.Gateway;

/// <summary>One GET through the whole gateway pipeline in process (records, routing, ingress, authentication,
/// decision, enforcement, YARP) against bare YARP on the same in-memory server and upstream: the per-request CPU and
/// allocation the gateway adds, without sockets. Run:
/// <c>dotnet run -c Release --project benchmarks/Portcullis.Benchmarks -- --filter *GatewayRequest*</c>.</summary>
/// <remarks>The server and upstream are in memory (TestServer, a handler in place of YARP's HTTP client), so their
/// cost is the same in every row; the difference to <see cref="BareYarp"/> is the gateway's. On a busy machine,
/// <c>--gateway-cpu REQUESTS</c> (<see cref="GatewayCpuTime"/>) gives the process CPU time per request of each row.</remarks>
[MemoryDiagnoser]
public class GatewayRequestBenchmarks
{
    private BenchmarkGateway gateway = null!;
    private WebApplication bareYarp = null!;
    private TestServer bareServer = null!;

    [GlobalSetup]
    public void Setup()
    {
        gateway = BenchmarkGateway.StartAsync().GetAwaiter().GetResult();
        bareYarp = BenchmarkGateway.StartBareYarpAsync().GetAwaiter().GetResult();
        bareServer = bareYarp.GetTestServer();
        // Each row must really be answered 200 (forwarded); the first cached request fills the cache.
        Expect200(BareYarp(), nameof(BareYarp));
        Expect200(Anonymous(), nameof(Anonymous));
        Expect200(JwtCachedDecision(), nameof(JwtCachedDecision));
        Expect200(JwtEmbeddedPdp(), nameof(JwtEmbeddedPdp));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        bareYarp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        gateway.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>YARP alone, one catch-all route.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> BareYarp() => BenchmarkGateway.GetAsync(bareServer, "/api/items/42", null);

    /// <summary>A route marked anonymous: the pipeline without authentication and decision.</summary>
    [Benchmark]
    public Task<int> Anonymous() => BenchmarkGateway.GetAsync(gateway.Server, "/anon/items/42", null);

    /// <summary>JWT (validated-token cache hit) + the decision from the decision cache: issue 4's speed target.</summary>
    [Benchmark]
    public Task<int> JwtCachedDecision() => BenchmarkGateway.GetAsync(gateway.Server, "/api/items/42", gateway.Authorization);

    /// <summary>JWT + the embedded PDP deciding every request.</summary>
    [Benchmark]
    public Task<int> JwtEmbeddedPdp() => BenchmarkGateway.GetAsync(gateway.Server, "/nocache/items/42", gateway.Authorization);

    private static void Expect200(Task<int> request, string name)
    {
        var status = request.GetAwaiter().GetResult();
        if (status != 200) throw new InvalidOperationException($"{name}: the gateway answered {status}, expected 200");
    }
}
