using BenchmarkDotNet.Attributes;
using Portcullis.Cel;
using Portcullis.Cel.Json;

namespace Portcullis.Benchmarks;

/// <summary>
/// The CEL engine's hot paths: evaluating a warm program (the per-decision cost) and compiling (the per-policy
/// cost). The same expressions and inputs are timed in node with @bufbuild/cel by benchmarks/cel-node/bench.mjs.
/// </summary>
[MemoryDiagnoser]
public class CelBenchmarks
{
    private CelProgram _program = null!;
    private CelActivation _activation = null!;

    [Params("typical", "arithmetic", "strings", "macro")]
    public string Name { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        _program = CelProgram.Compile(BenchmarkInputs.Expression(Name));
        var vars = CelJson.Parse(BenchmarkInputs.VariablesJson).AsMap;
        _activation = new CelActivation(vars.Select(e => KeyValuePair.Create(e.Key.AsString, e.Value)));
        if (!_program.Evaluate(_activation).AsBool) throw new InvalidOperationException($"{Name} must evaluate to true");
    }

    [Benchmark]
    public bool Evaluate() => _program.Evaluate(_activation).AsBool;

    [Benchmark]
    public CelProgram ParseAndCompile() => CelProgram.Compile(BenchmarkInputs.Expression(Name));
}
