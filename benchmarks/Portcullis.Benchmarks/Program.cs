using BenchmarkDotNet.Running;
using Portcullis.Benchmarks;

if (args is ["--gateway-token", ..])
{
    return BenchmarkToken.Run(args);
}

if (args is ["--gateway-cpu", ..])
{
    return Portcullis.Benchmarks.Gateway.GatewayCpuTime.Run(args);
}

if (args is ["--pdp-latency", ..])
{
    PdpLatency.Run();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(CelBenchmarks).Assembly).Run(args);
return 0;
