// CLI benchmark (not a test): the whole `anchor-lint --format json` process against a floor process
// over the same generated corpus, and one small file against a bare `node -e 0`. Run after a build:
//   node packages/cli/build.mjs && node bench/cli/run.mjs [--files 10000] [--runs 5]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "./corpus.mjs";

const { values } = parseArgs({ options: { files: { type: "string", default: "10000" }, runs: { type: "string", default: "5" } } });
const total = Number(values.files);
const runs = Number(values.runs);
const cli = fileURLToPath(new URL("../../packages/cli/dist/anchor-lint.js", import.meta.url));
const floor = fileURLToPath(new URL("./floor.mjs", import.meta.url));

function time(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/**
 * Runs both commands alternately, `runs` times each after one warm-up (so both read warm caches),
 * and keeps the median and the fastest run of each: on a shared machine the fastest is the truest.
 */
function compare(a, b, cwd) {
  time(a, cwd);
  time(b, cwd);
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(time(a, cwd));
    tb.push(time(b, cwd));
  }
  const stats = (list) => {
    list.sort((x, y) => x - y);
    return { median: list[Math.floor(list.length / 2)], min: list[0] };
  };
  return [stats(ta), stats(tb)];
}

const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;

const dir = mkdtempSync(join(tmpdir(), "anchor-lint-bench-"));
try {
  writeCorpus(dir, total);
  const [lint, floorRun] = compare([cli, "--format", "json", "."], [floor, "."], dir);
  const rate = (value) => `${Math.round((total / value) * 1000).toLocaleString("en-US").padStart(8)} files/s`;
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
  console.log(`corpus: ${total} files (about 30% with mistakes), ${runs} runs each; median (fastest)`);
  console.log(`anchor-lint --format json  ${ms(lint.median)} ${rate(lint.median)}   (${ms(lint.min)})`);
  console.log(`floor: read+parse+ajv      ${ms(floorRun.median)} ${rate(floorRun.median)}   (${ms(floorRun.min)})`);
  console.log(`ratio                      ${(lint.median / floorRun.median).toFixed(2)}x (fastest ${(lint.min / floorRun.min).toFixed(2)}x), target <= 1.3x`);

  const one = join(dir, "one.anchor.json");
  writeFileSync(one, `{ "count": 1, "configuration": { "browser": { "headless": { "active": true } } } }\n`);
  const [single, bare] = compare([cli, one], ["-e", "0"], dir);
  console.log(`anchor-lint one.anchor.json ${ms(single.median)}   (${ms(single.min)})`);
  console.log(`node -e 0                   ${ms(bare.median)}   (${ms(bare.min)})`);
  console.log(`ratio                      ${(single.median / bare.median).toFixed(2)}x (fastest ${(single.min / bare.min).toFixed(2)}x), target <= 2x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
