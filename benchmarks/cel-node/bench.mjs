// Times @bufbuild/cel on the same expressions and inputs as benchmarks/Portcullis.Benchmarks/CelBenchmarks.cs.
// Usage: node bench.mjs [millisecondsPerExpression]   (run from anywhere; resolves packages from tools/)
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../tools/package.json"));
const { celEnv, plan, parse } = await import(require.resolve("@bufbuild/cel"));
const spec = JSON.parse(readFileSync(path.join(here, "expressions.json"), "utf8"));
const budgetMs = Number(process.argv[2] ?? 1000);

// JSON -> CEL input the way Portcullis reads JSON: integral numbers are ints (BigInt), objects are maps.
const toCel = (v) =>
  Array.isArray(v) ? v.map(toCel)
  : v !== null && typeof v === "object" ? new Map(Object.entries(v).map(([k, x]) => [k, toCel(x)]))
  : Number.isInteger(v) ? BigInt(v) : v;

const vars = Object.fromEntries(Object.entries(spec.variables).map(([k, v]) => [k, toCel(v)]));
const env = celEnv();
const results = {};
for (const [name, expr] of Object.entries(spec.expressions)) {
  const run = plan(env, parse(expr));
  if (run(vars) !== true) throw new Error(`${name} did not evaluate to true: ${String(run(vars))}`);
  const time = (fn) => {
    for (let i = 0; i < 20000; i++) fn(); // warm up the JIT
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(budgetMs) * 1_000_000n;
    let now = start;
    while (now < end) {
      for (let i = 0; i < 1000; i++) fn();
      n += 1000;
      now = process.hrtime.bigint();
    }
    return Number(now - start) / n;
  };
  results[name] = { evaluateNs: time(() => run(vars)), parseAndPlanNs: time(() => plan(env, parse(expr))) };
}
console.log(JSON.stringify(results, null, 2));
