// Writes the official CEL conformance suite (npm @bufbuild/cel-spec) as one flat JSON array.
// Usage: node tools/cel-conformance-to-json.mjs <output.json>
// Each element: { suite, section, name, original } where suite is the top-level file name (e.g. "string_ext"),
// section the path of sub-suite names below it (joined with "/"), name the test's name and original the test as
// written in the .textproto files, in protobuf-JSON form (values like {"int64Value": "1"}).
import { writeFileSync } from "node:fs";
import { tests } from "@bufbuild/cel-spec/testdata/conformance.js";

const output = process.argv[2];
if (!output) {
  console.error("usage: node tools/cel-conformance-to-json.mjs <output.json>");
  process.exit(2);
}

const cases = [];
function walk(node, path) {
  for (const test of node.tests ?? []) {
    const original = test.original;
    cases.push({ suite: path[0], section: path.slice(1).join("/"), name: original.name, original });
  }
  for (const child of node.suites ?? []) walk(child, [...path, child.name]);
}
for (const suite of tests.suites ?? []) walk(suite, [suite.name]);

// JSON has no negative zero (JSON.stringify(-0) is "0"), but the suite expects it in a few cases: write it as "-0".
const replacer = (_, v) => (typeof v === "bigint" ? v.toString() : Object.is(v, -0) ? "-0" : v);
writeFileSync(output, JSON.stringify(cases, replacer));
console.log(`wrote ${cases.length} conformance cases to ${output}`);
