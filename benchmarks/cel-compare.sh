#!/usr/bin/env bash
# Runs the CEL benchmarks side by side: Portcullis (BenchmarkDotNet) and @bufbuild/cel (node), on the same
# expressions and inputs (cel-node/expressions.json), and prints the ratios the README reports.
# Takes about 5 minutes on 2 cores. Usage: benchmarks/cel-compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
(cd tools && npm ci --no-audit --no-fund --loglevel=error)
out=artifacts/benchmarks
mkdir -p "$out"
dotnet run -c Release --project benchmarks/Portcullis.Benchmarks -- --filter '*CelBenchmarks*' --exporters json \
  --artifacts "$out/bdn" > "$out/bdn.log"
node benchmarks/cel-node/bench.mjs 2000 > "$out/node.json"
node benchmarks/cel-node/compare.mjs "$out/bdn/results" "$out/node.json" | tee "$out/cel-comparison.md"
