// Prints a Markdown table comparing BenchmarkDotNet results (Portcullis) with bench.mjs output (@bufbuild/cel).
// Usage: node compare.mjs <BenchmarkDotNet results dir> <node.json>
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const [resultsDir, nodeFile] = process.argv.slice(2);
const report = readdirSync(resultsDir).find((f) => f.endsWith("-report-full-compressed.json") || f.endsWith("-report-full.json"));
const bdn = JSON.parse(readFileSync(path.join(resultsDir, report), "utf8"));
const node = JSON.parse(readFileSync(nodeFile, "utf8"));

const ours = {};
for (const b of bdn.Benchmarks) {
  const name = b.Parameters.match(/Name=([^&]+)/)[1];
  ours[name] ??= {};
  ours[name][b.Method] = { mean: b.Statistics.Mean, p95: b.Statistics.Percentiles?.P95, bytes: b.Memory?.BytesAllocatedPerOperation };
}
const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(1)} µs` : `${ns.toFixed(0)} ns`);
console.log("| expression | Portcullis evaluate | allocated | @bufbuild/cel evaluate | speed-up | Portcullis compile | @bufbuild/cel parse+plan | speed-up |");
console.log("|---|---|---|---|---|---|---|---|");
for (const [name, n] of Object.entries(node)) {
  const o = ours[name];
  if (!o) continue;
  const e = o.Evaluate, c = o.ParseAndCompile;
  console.log(`| ${name} | ${fmt(e.mean)} | ${e.bytes} B | ${fmt(n.evaluateNs)} | ${(n.evaluateNs / e.mean).toFixed(1)}x | ${fmt(c.mean)} | ${fmt(n.parseAndPlanNs)} | ${(n.parseAndPlanNs / c.mean).toFixed(1)}x |`);
}
