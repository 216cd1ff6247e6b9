using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Portcullis.Benchmarks.CelBenchmarks).Assembly).Run(args);
