// Growth benchmark: each shape of issue 13 linted at 1k, 10k and 100k findings, in process, with
// the time per finding at each size. Linear cost means the same time per finding at every size;
// the target is 100k within 2x of 1k. Then the issue's headline row in a fresh process.
// `node bench/growth/run.mjs [--sizes 1000,10000,100000]`; part of `pnpm bench`.
import { spawnSync } from "node:child_process";
import { shapes, unknownKeysCompact } from "./shapes.mjs";

const { lint } = await import("../../packages/core/dist/index.js");

const sizesArgument = process.argv.indexOf("--sizes");
const sizes = sizesArgument > 0 ? process.argv[sizesArgument + 1].split(",").map(Number) : [1_000, 10_000, 100_000];

/**
 * Median of several runs after a warm-up, all in this one process, as an editor re-lints a document:
 * a median (not the best) so that a slowdown of repeated lints shows (issue 13's repeated 100k lints
 * once ran 20x slower than the first). More runs for small sizes, where one run is short and noisy.
 */
function median(text, size) {
  const runs = size <= 1_000 ? 9 : size <= 10_000 ? 5 : 3;
  lint(text);
  const times = [];
  let reported = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    reported = lint(text).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], reported };
}

const pad = (text, width) => String(text).padStart(width);
console.log(`lint() per finding, median of several runs after a warm-up, one process (findings reported: at most 1,000 per rule, plus a summary)`);
console.log(`${"shape".padEnd(26)}${sizes.map((size) => pad(`${size / 1000}k: µs/finding`, 18)).join("")}${pad("ratio", 8)}`);
let allLinear = true;
for (const [name, build] of Object.entries(shapes)) {
  const perFinding = [];
  for (const size of sizes) {
    const { ms } = median(build(size), size);
    perFinding.push((ms * 1000) / size);
  }
  const ratio = perFinding[perFinding.length - 1] / perFinding[0];
  if (ratio > 2) allLinear = false;
  console.log(`${name.padEnd(26)}${perFinding.map((us) => pad(us.toFixed(1), 18)).join("")}${pad(`${ratio.toFixed(2)}x`, 8)}`);
}
console.log(`  per-finding cost at ${sizes[sizes.length - 1] / 1000}k within 2x of ${sizes[0] / 1000}k: ${allLinear ? "yes" : "NO"}`);

// The issue's measurement: lint() in a fresh process (cold JIT), the best of three processes.
const text = unknownKeysCompact(10_000);
const child = `
const { lint } = await import(${JSON.stringify(new URL("../../packages/core/dist/index.js", import.meta.url).href)});
const { readFileSync } = await import("node:fs");
const text = readFileSync(0, "utf8");
const start = performance.now();
lint(text);
console.log(performance.now() - start);`;
let fresh = Infinity;
for (let run = 0; run < 3; run++) {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", child], { input: text, encoding: "utf8" });
  fresh = Math.min(fresh, Number(result.stdout.trim()));
}
console.log(`10,000 unknown keys (${Math.round(text.length / 1024)} KB), lint() in a fresh process: ${fresh.toFixed(0)} ms (target < 500 ms)`);
