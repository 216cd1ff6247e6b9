// Evaluates a batch of CEL expressions with @bufbuild/cel (a second, independent CEL evaluator) for the
// differential test in tests/Portcullis.Conformance/Differential.
// Usage: node tools/cel-differential.mjs <batch.json> <results.json>
// Input: [{ "expr": "x + 1", "vars": { "x": {"int": "5"} } }, ...]
// Output: one result per input, in order, in the same typed form, or {"error": "message"}.
// Typed form: {"int":"5"} {"uint":"5"} {"double":1.5} (or "NaN", "Infinity", "-Infinity", "-0") {"string":"x"}
// {"bool":true} {"null":null} {"bytes":"<base64>"} {"list":[typed...]} {"map":[[typedKey, typedValue], ...]}
// {"type":"int"}; anything else becomes {"unsupported": "..."}.
import { readFileSync, writeFileSync } from "node:fs";
import {
  celEnv, celUint, isCelError, isCelList, isCelMap, isCelType, isCelUint, parse, plan,
} from "@bufbuild/cel";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node tools/cel-differential.mjs <batch.json> <results.json>");
  process.exit(2);
}

function toJs(typed) {
  const [kind] = Object.keys(typed);
  const v = typed[kind];
  switch (kind) {
    case "int": return BigInt(v);
    case "uint": return celUint(BigInt(v));
    case "double": return typeof v === "number" ? v : Number(v === "-0" ? -0 : v);
    case "string": return v;
    case "bool": return v;
    case "null": return null;
    case "bytes": return new Uint8Array(Buffer.from(v, "base64"));
    case "list": return v.map(toJs);
    case "map": return new Map(v.map(([k, x]) => [toJs(k), toJs(x)]));
    default: throw new Error(`unknown typed value ${JSON.stringify(typed)}`);
  }
}

function fromJs(v) {
  if (v === null) return { null: null };
  switch (typeof v) {
    case "bigint": return { int: v.toString() };
    case "boolean": return { bool: v };
    case "string": return { string: v };
    case "number":
      if (Number.isNaN(v)) return { double: "NaN" };
      if (!Number.isFinite(v)) return { double: v > 0 ? "Infinity" : "-Infinity" };
      if (Object.is(v, -0)) return { double: "-0" };
      return { double: v };
  }
  if (isCelUint(v)) return { uint: v.value.toString() };
  if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString("base64") };
  if (isCelList(v)) return { list: [...v].map(fromJs) };
  if (isCelMap(v)) return { map: [...v.entries()].map(([k, x]) => [fromJs(k), fromJs(x)]) };
  if (isCelType(v)) return { type: v.name };
  return { unsupported: String(v?.$typeName ?? typeof v) };
}

const env = celEnv();
const batch = JSON.parse(readFileSync(input, "utf8"));
const results = batch.map(({ expr, vars }) => {
  try {
    const bindings = {};
    for (const [name, typed] of Object.entries(vars ?? {})) bindings[name] = toJs(typed);
    const result = plan(env, parse(expr))(bindings);
    return isCelError(result) ? { error: result.message } : fromJs(result);
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
});
writeFileSync(output, JSON.stringify(results));
