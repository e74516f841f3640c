// In-process benchmark of the core: lint() over a deterministic corpus of 10,000 configs, beside a
// floor measured in the same run: read + JSON.parse + one compiled ajv validator over the same files.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { writeCorpus } from "../cli/corpus.mjs";

const require = createRequire(new URL("../../packages/core/package.json", import.meta.url));
const Ajv = require("ajv").default;
const addFormats = require("ajv-formats").default;
const schema = require("./src/generated/request.schema.json");
const { lint } = await import("../../packages/core/dist/index.js");

const total = Number(process.env.BENCH_FILES ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), "anchor-lint-core-bench-"));
const files = writeCorpus(dir, total);

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function floor() {
  let invalid = 0;
  for (const file of files) {
    try {
      if (!validate(JSON.parse(readFileSync(file, "utf8")))) invalid++;
    } catch {
      invalid++;
    }
  }
  return invalid;
}

function ours() {
  let withFindings = 0;
  for (const file of files) if (lint(readFileSync(file, "utf8")).length > 0) withFindings++;
  return withFindings;
}

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

// Warm both up (JIT, file cache), then alternate and keep the best of several rounds of each.
floor();
ours();
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
let bestFloor = Infinity;
let bestOurs = Infinity;
let flagged = 0;
for (let round = 0; round < rounds; round++) {
  bestFloor = Math.min(bestFloor, time(floor).ms);
  const run = time(ours);
  bestOurs = Math.min(bestOurs, run.ms);
  flagged = run.result;
}
rmSync(dir, { recursive: true, force: true });

const rate = (ms) => Math.round((total / ms) * 1000);
console.log(`core lint() in process, ${total} files (${flagged} with findings), best of ${rounds}:`);
console.log(`  floor (read + JSON.parse + ajv): ${bestFloor.toFixed(0)} ms, ${rate(bestFloor)} files/s`);
console.log(`  anchor-lint core lint():         ${bestOurs.toFixed(0)} ms, ${rate(bestOurs)} files/s`);
console.log(`  ratio: ${(bestOurs / bestFloor).toFixed(2)}x the floor (target <= 2x)`);
