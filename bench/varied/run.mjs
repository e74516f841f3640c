// Benchmark (not a test) on the varied corpus (./corpus.mjs), the one the targets are set on:
//   1. the CLI, `anchor-lint --format json`, whole process, against the floor process on the same files,
//      then on each half of them (clean files, files with findings);
//   2. the core in process, a cold and a warm pass, each side in a fresh process, against its floor;
//   3. one small file against a bare `node -e 0`;
//   4. 100,000 files against 10,000: wall time and peak RSS, stylish and json.
// Both sides of each comparison alternate in the same run; medians (and the fastest run) are printed.
//   pnpm build && node bench/varied/run.mjs [--files 10000] [--runs 7] [--scale 100000] (--scale 0 skips 4)
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeVariedCorpus } from "./corpus.mjs";

const { values } = parseArgs({
  options: {
    files: { type: "string", default: "10000" },
    runs: { type: "string", default: "7" },
    scale: { type: "string", default: "100000" },
  },
});
const total = Number(values.files);
const runs = Number(values.runs);
const scale = Number(values.scale);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const cli = here("../../packages/cli/dist/anchor-lint.js");
const floor = here("../cli/floor.mjs");
const corePass = here("./core-pass.mjs");

function run(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const median = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];
const min = (list) => Math.min(...list);

/** `runs` alternating pairs after one warm-up each; returns the times of each side and the pair ratios. */
function alternate(a, b, cwd, measure = (args) => run(args, cwd).ms) {
  measure(a);
  measure(b);
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(measure(a));
    tb.push(measure(b));
  }
  return { a: ta, b: tb, ratios: ta.map((t, i) => t / tb[i]) };
}

const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
const line = (label, list) => console.log(`  ${label.padEnd(34)} ${ms(median(list))}   (fastest ${ms(min(list))})`);
const ratio = (label, pair, target) =>
  console.log(
    `  ${label.padEnd(34)} ${(median(pair.a) / median(pair.b)).toFixed(2)}x (median of pair ratios ${median(pair.ratios).toFixed(2)}x, fastest ${(min(pair.a) / min(pair.b)).toFixed(2)}x), target <= ${target}x`,
  );

/** Wall time and peak RSS of one CLI run, from GNU time (the CLI's own helper threads included). */
function timed(args, cwd) {
  const out = join(cwd, "..", `time-${process.pid}.txt`);
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", out, process.execPath, ...args], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const [seconds, kb] = readFileSync(out, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
  return { ms: seconds * 1000, mb: kb / 1024 };
}

const root = mkdtempSync(join(tmpdir(), "anchor-lint-varied-"));
try {
  const dir = join(root, "corpus");
  const files = writeVariedCorpus(dir, total);
  const list = join(root, "files.txt");
  writeFileSync(list, files.join("\n"));
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`);
  console.log(`varied corpus: ${total} files, ${runs} alternating runs per side; median (fastest)`);

  const cliPair = alternate([cli, "--format", "json", "."], [floor, "."], dir);
  console.log("CLI, whole process:");
  line("anchor-lint --format json", cliPair.a);
  line("floor: read + JSON.parse + ajv", cliPair.b);
  ratio("ratio", cliPair, 1.3);

  // The same comparison on each half of the corpus, split by outcome: where the excess is.
  const { lint } = await import("../../packages/core/dist/index.js");
  const halves = { clean: join(root, "clean"), "with findings": join(root, "with-findings") };
  const counts = { clean: 0, "with findings": 0 };
  for (const file of files) {
    const half = lint(readFileSync(file, "utf8")).length === 0 ? "clean" : "with findings";
    counts[half]++;
    const copy = join(halves[half], relative(dir, file));
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(file, copy);
  }
  for (const [half, folder] of Object.entries(halves)) {
    const pair = alternate([cli, "--format", "json", "."], [floor, "."], folder);
    console.log(`  ${`${half} (${counts[half]} files)`.padEnd(34)} ${ms(median(pair.a))} against ${ms(median(pair.b))}: ${(median(pair.a) / median(pair.b)).toFixed(2)}x (median of pair ratios ${median(pair.ratios).toFixed(2)}x)`);
  }

  const passes = { lint: [], floor: [] };
  const corePair = alternate(["lint"], ["floor"], dir, ([side]) => {
    const { stdout } = run([corePass, side, list], dir);
    const pass = JSON.parse(stdout.toString());
    passes[side].push(pass.warm);
    return pass.cold;
  });
  console.log("core in process (one fresh process per pass; cold = the first pass over the files):");
  line("anchor-lint core lint(), cold", corePair.a);
  line("floor, cold", corePair.b);
  ratio("ratio, cold", corePair, 1.5);
  line("anchor-lint core lint(), warm", passes.lint);
  line("floor, warm", passes.floor);

  const one = join(root, "one.anchor.json");
  writeFileSync(one, `{ "count": 1, "configuration": { "browser": { "headless": { "active": true } } } }\n`);
  const onePair = alternate([cli, one], ["-e", "0"], root);
  console.log("one small file:");
  line("anchor-lint one.anchor.json", onePair.a);
  line("node -e 0", onePair.b);
  ratio("ratio", onePair, 1.5);

  if (scale > 0) {
    const big = join(root, "scale");
    writeVariedCorpus(big, scale, 7);
    console.log(`${scale} files against ${total} (one run each after a warm-up; wall time, peak RSS):`);
    for (const format of ["stylish", "json"]) {
      const args = [cli, "--format", format, "."];
      timed(args, dir);
      const small = timed(args, dir);
      timed(args, big);
      const large = timed(args, big);
      console.log(
        `  ${format.padEnd(8)} ${total}: ${ms(small.ms)} ${small.mb.toFixed(0).padStart(5)} MB   ${scale}: ${ms(large.ms)} ${large.mb.toFixed(0).padStart(5)} MB   time ${(large.ms / small.ms).toFixed(1)}x (target <= 10.5x), RSS ${(large.mb / small.mb).toFixed(1)}x`,
      );
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
