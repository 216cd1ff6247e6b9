using BenchmarkDotNet.Running;
using Portcullis.Benchmarks;

if (args is ["--pdp-latency", ..])
{
    PdpLatency.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CelBenchmarks).Assembly).Run(args);
